import ClinicStore
import GRDB

/// Rows of one table exactly as a store holds them, so the native runs write the very same
/// values the store wrote.
struct TableRows: Sendable {
    var table: String
    var columns: [String]
    var rows: [[NativeValue]]

    /// `INSERT INTO table (columns) VALUES (?, …)`.
    var insertSQL: String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    /// Every row of `table` in `store`, in primary-key order.
    static func read(_ table: String, from store: LocalStore) throws -> TableRows {
        try store.read { db in
            let columns = try db.columns(in: table).map(\.name)
            var rows: [[NativeValue]] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY id")
            while let row = try cursor.next() {
                rows.append((0..<columns.count).map { index in
                    switch (row[index] as DatabaseValue).storage {
                    case .null: return .null
                    case .int64(let value): return .integer(value)
                    case .string(let value): return .text(value)
                    case .double(let value): return .text(String(value))
                    case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
                    }
                })
            }
            return TableRows(table: table, columns: columns, rows: rows)
        }
    }

    /// The `CREATE TABLE` and `CREATE INDEX` statements of `tables` in `store` — the same
    /// schema, without the capture triggers.
    static func schema(of tables: [String], in store: LocalStore) throws -> [String] {
        try store.read { db in
            try tables.flatMap { table in
                try String.fetchAll(db, sql: """
                    SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('table', 'index') AND sql IS NOT NULL
                    ORDER BY type DESC
                    """, arguments: [table])
            }
        }
    }
}
