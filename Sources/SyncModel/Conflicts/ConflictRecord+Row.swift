import Foundation

/// A conflict record as a row of the `conflict` table, so it syncs like any other row.
///
/// Columns: `owner`, `kind`, `tbl`, `row_id`, `field`, `winner_value`, `winner_version`
/// (a ``Version/token``, empty when none), `loser_value`, `loser_version`, `message`,
/// `status` (0/1), `resolution` (NULL until resolved) and `deleted` (0).
extension ConflictRecord {
    /// Column names of the `conflict` table.
    public enum Column {
        /// The owner of the conflicted row (and of the record).
        public static let owner = "owner"
        /// ``ConflictKind`` raw value.
        public static let kind = "kind"
        /// The conflicted table.
        public static let table = "tbl"
        /// The conflicted row id.
        public static let row = "row_id"
        /// The conflicted field, or `*`.
        public static let field = "field"
        /// The winning value.
        public static let winnerValue = "winner_value"
        /// The winning ``Version/token``; empty when there is none.
        public static let winnerVersion = "winner_version"
        /// The losing value.
        public static let loserValue = "loser_value"
        /// The losing ``Version/token``.
        public static let loserVersion = "loser_version"
        /// The one-line explanation.
        public static let message = "message"
        /// ``ConflictStatus`` raw value: 0 open, 1 resolved.
        public static let status = "status"
        /// How it was resolved (``ConflictResolution/name``), NULL while open.
        public static let resolution = "resolution"
    }

    /// The row's columns, for a row insert (see ``insertChange(version:observed:author:)``).
    public var rowValues: [String: FieldValue] {
        [
            Column.owner: .text(owner),
            Column.kind: .text(kind.rawValue),
            Column.table: .text(table),
            Column.row: .text(row),
            Column.field: .text(field),
            Column.winnerValue: winner.value,
            Column.winnerVersion: .text(winner.version?.token ?? ""),
            Column.loserValue: loser.value,
            Column.loserVersion: .text(loser.version?.token ?? ""),
            Column.message: .text(message),
            Column.status: .integer(Int64(status.rawValue)),
            Column.resolution: .null,
            SyncSchema.deletedField: .integer(0),
        ]
    }

    /// The local row insert that stores this record, stamped by the replica that found it.
    public func insertChange(version: Version, observed: Int64, author: String? = nil) -> Change {
        .insert(table: SyncSchema.conflictTable, row: id, owner: owner, values: rowValues, version: version,
                observed: observed, author: author)
    }

    /// Reads a record back from its row; the id is the row's id, kept as stored.
    public init(id: String, rowValues: [String: FieldValue]) throws(ConflictRowError) {
        func text(_ column: String) throws(ConflictRowError) -> String {
            guard let value = rowValues[column]?.textValue else { throw ConflictRowError(id: id, column: column) }
            return value
        }
        guard let kind = ConflictKind(rawValue: try text(Column.kind)) else {
            throw ConflictRowError(id: id, column: Column.kind)
        }
        let winnerToken = try text(Column.winnerVersion)
        let winnerVersion = Version(token: winnerToken)
        guard winnerToken.isEmpty || winnerVersion != nil else {
            throw ConflictRowError(id: id, column: Column.winnerVersion)
        }
        guard let loserVersion = Version(token: try text(Column.loserVersion)) else {
            throw ConflictRowError(id: id, column: Column.loserVersion)
        }
        guard let rawStatus = rowValues[Column.status]?.integerValue,
              let status = ConflictStatus(rawValue: Int(rawStatus)) else {
            throw ConflictRowError(id: id, column: Column.status)
        }
        self.id = id
        self.kind = kind
        self.table = try text(Column.table)
        self.row = try text(Column.row)
        self.owner = try text(Column.owner)
        self.field = try text(Column.field)
        self.winner = Side(value: rowValues[Column.winnerValue] ?? .null, version: winnerVersion)
        self.loser = Side(value: rowValues[Column.loserValue] ?? .null, version: loserVersion)
        self.message = try text(Column.message)
        self.status = status
    }

    /// Row values as JSON text with sorted keys: the loser value of a parked row insert.
    static func canonicalText(of values: [String: FieldValue]) -> FieldValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(values), let text = String(data: data, encoding: .utf8) else {
            return .text(values.keys.sorted().map { "\($0)=\(values[$0] ?? .null)" }.joined(separator: ","))
        }
        return .text(text)
    }
}

/// A `conflict` row that cannot be read as a ``ConflictRecord``: a column is missing or malformed.
public struct ConflictRowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The conflict row's id.
    public var id: String
    /// The column at fault.
    public var column: String

    /// An error about one column of one conflict row.
    public init(id: String, column: String) {
        self.id = id
        self.column = column
    }

    public var description: String { "conflict \(id): column \(column) is missing or malformed" }
}
