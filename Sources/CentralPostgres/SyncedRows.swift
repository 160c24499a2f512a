import ClinicStore
import Logging
import PostgresNIO
import SyncModel

/// The synced tables' rows in PostgreSQL: reading a row as field values and writing columns,
/// with the conflict table's two untyped value columns kept as JSON text. Table and column
/// names come from ``ClinicStore/SyncedTable`` only, never from a request.
enum SyncedRows {
    /// The row's column values (not `id`), or `nil` when there is no such row.
    static func values(of table: SyncedTable, row id: String, in context: WriteContext) async throws -> [String: FieldValue]? {
        try await context.flushPendingRows()
        return try await select(table, where: "id = $1", [.text(id)], on: context.connection, logger: context.logger).first?.values
    }

    /// The rows of `table` matching `condition` (SQL over its columns, with `$1` … bound to
    /// `arguments`; never text from a request), each as its id and column values (not `id`),
    /// in `order`, at most `limit` of them.
    static func select(_ table: SyncedTable, where condition: String, _ arguments: [FieldValue] = [],
                       orderBy order: String = "id COLLATE \"C\"", limit: Int? = nil, on connection: PostgresConnection,
                       logger: Logger) async throws -> [(id: String, values: [String: FieldValue])] {
        let columns = table.columns.keys.sorted()
        let list = (["id"] + columns).joined(separator: ", ")
        let rows = try await connection.rows("SELECT \(list) FROM \(table.name) WHERE \(condition) ORDER BY \(order)"
                                             + (limit.map { " LIMIT \($0)" } ?? ""),
                                             arguments, logger: logger)
        return try rows.map { row in
            let cells = row.makeRandomAccess()
            var values: [String: FieldValue] = [:]
            for (index, column) in columns.enumerated() {
                values[column] = try value(cells[index + 1], table: table, column: column)
            }
            return (try cells[0].decode(String.self), values)
        }
    }

    /// One cell as a field value, by the column's type.
    static func value(_ cell: PostgresCell, table: SyncedTable, column: String) throws -> FieldValue {
        if CentralSchema.isJSONColumn(table: table.name, column: column) {
            return try cell.decode(String?.self).map(FieldJSON.decodeValue) ?? .null
        }
        switch table.columns[column]?.type {
        case .integer?: return try cell.decode(Int64?.self).map(FieldValue.integer) ?? .null
        default: return try cell.decode(String?.self).map(FieldValue.text) ?? .null
        }
    }

    /// The value as bound for its column (JSON text for the untyped ones).
    static func bound(_ value: FieldValue, table: String, column: String) throws -> FieldValue {
        guard CentralSchema.isJSONColumn(table: table, column: column), value != .null else { return value }
        return .text(try FieldJSON.encode(value))
    }

    /// Inserts a row with the given columns (the others take their defaults). The insert is
    /// queued in the context and sent, with others like it, before the transaction's next statement.
    static func insert(into table: String, row id: String, values: [String: FieldValue], columns: [String],
                       in context: WriteContext) async throws {
        let arguments = try [FieldValue.text(id)] + columns.map { try bound(values[$0] ?? .null, table: table, column: $0) }
        try await context.queueInsert(into: table, columns: ["id"] + columns, arguments: arguments)
    }

    /// Sets one column of a row.
    static func update(_ table: String, row id: String, column: String, to value: FieldValue,
                       in context: WriteContext) async throws {
        try await context.run("UPDATE \(table) SET \(column) = $1 WHERE id = $2",
                              [try bound(value, table: table, column: column), .text(id)])
    }
}

/// The merge's view of a row (as `RowStates` in ClinicStore): each field's current value with
/// the version that wrote it, from the row and its applied `change_log` entries (the latest
/// applied entry for a field — or the row insert — is its current version).
enum PostgresRowStates {
    /// Field states of one row; empty when the row does not exist.
    static func load(table: SyncedTable, row id: String, in context: WriteContext) async throws -> [String: FieldState] {
        guard let values = try await SyncedRows.values(of: table, row: id, in: context) else { return [:] }
        var versions = RowVersions()
        try await context.flushLog()
        let entries = try await context.rows("""
            SELECT seq, field, hlc, site, site_seq, observed FROM change_log
            WHERE tbl = $1 AND row_id = $2 AND applied ORDER BY seq
            """, [.text(table.name), .text(id)])
        for entry in entries {
            let (seq, field, hlc, site, siteSeq, observed) = try entry.decode((Int64, String, Int64, String, Int64?, Int64).self)
            versions.add(field: field, version: Version(hlc: HLC(bitPattern: hlc), site: site, seq: siteSeq ?? seq),
                         serverSeq: seq, observed: observed)
        }
        var states: [String: FieldState] = [:]
        for (column, value) in values { states[column] = versions.state(of: column, value: value) }
        return states
    }
}
