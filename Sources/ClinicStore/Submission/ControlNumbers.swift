import GRDB

/// The ISA13, GS06 and ST02 control numbers of one exported file.
///
/// Kept per store in the local `export_counter` table and reserved in the export's own
/// transaction, so two files never share a number, across runs too (a failed export
/// reserves nothing). After 999999999 the counters start again at 1, as X12 allows.
public struct ControlNumbers: Sendable, Equatable {
    /// ISA13/IEA02.
    public var interchange: Int
    /// GS06/GE02.
    public var group: Int
    /// ST02/SE02 (and BHT03).
    public var transactionSet: Int

    /// Creates a set of numbers.
    public init(interchange: Int, group: Int, transactionSet: Int) {
        self.interchange = interchange
        self.group = group
        self.transactionSet = transactionSet
    }

    /// The `export_counter` rows, one per control number.
    static let counterNames = (interchange: "x12.isa13", group: "x12.gs06", transactionSet: "x12.st02")

    /// The largest control number; the next one wraps to 1.
    static let maximum = 999_999_999

    /// The last numbers used (0 when nothing was exported yet).
    static func last(_ db: Database) throws -> ControlNumbers {
        ControlNumbers(counters: Dictionary(
            try Row.fetchAll(db, sql: "SELECT name, value FROM export_counter").map { ($0["name"] as String, $0["value"] as Int) },
            uniquingKeysWith: { first, _ in first }))
    }

    /// Reserves the next numbers: increments and stores each counter in `db`'s transaction.
    static func reserveNext(_ db: Database) throws -> ControlNumbers {
        let next = try last(db).next
        for (name, value) in zip(names, next.values) {
            try db.execute(sql: """
                INSERT INTO export_counter (name, value) VALUES (?, ?)
                ON CONFLICT(name) DO UPDATE SET value = excluded.value
                """, arguments: [name, value])
        }
        return next
    }
}
