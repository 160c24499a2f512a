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
        func value(_ name: String) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT value FROM export_counter WHERE name = ?", arguments: [name]) ?? 0
        }
        return ControlNumbers(interchange: try value(counterNames.interchange), group: try value(counterNames.group),
                              transactionSet: try value(counterNames.transactionSet))
    }

    /// Reserves the next numbers: increments and stores each counter in `db`'s transaction.
    static func reserveNext(_ db: Database) throws -> ControlNumbers {
        let last = try last(db)
        let next = ControlNumbers(interchange: last.interchange % maximum + 1, group: last.group % maximum + 1,
                                  transactionSet: last.transactionSet % maximum + 1)
        for (name, value) in [(counterNames.interchange, next.interchange), (counterNames.group, next.group),
                              (counterNames.transactionSet, next.transactionSet)] {
            try db.execute(sql: """
                INSERT INTO export_counter (name, value) VALUES (?, ?)
                ON CONFLICT(name) DO UPDATE SET value = excluded.value
                """, arguments: [name, value])
        }
        return next
    }
}
