import ClinicStore
import SyncModel

extension PostgresCentral {
    /// The conflict records the central node holds, open ones first (as `LocalStore.conflicts`).
    public func conflicts(includeResolved: Bool = false) async throws -> [ConflictRecord] {
        guard let table = SyncedTable.all[SyncSchema.conflictTable] else { return [] }
        let columns = table.columns.keys.sorted()
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            let rows = try await connection.rows("""
                SELECT id, \(columns.joined(separator: ", ")) FROM conflict
                WHERE deleted = 0 AND (\(includeResolved) OR status = 0) ORDER BY status, tbl COLLATE "C", row_id COLLATE "C", field COLLATE "C", id COLLATE "C"
                """, logger: logger)
            return try rows.map { row in
                let cells = row.makeRandomAccess()
                var values: [String: FieldValue] = [:]
                for (index, column) in columns.enumerated() {
                    values[column] = try SyncedRows.value(cells[index + 1], table: table, column: column)
                }
                return try ConflictRecord(id: try cells[0].decode(String.self), rowValues: values)
            }
        }
    }

    /// One synced row's columns as the central node holds them, or `nil` when it has no such row.
    public func row(_ tableName: String, id: String) async throws -> [String: FieldValue]? {
        guard let table = SyncedTable.all[tableName] else {
            throw StoreError.invalid(entity: "table", field: "name", reason: "'\(tableName)' is not a synced table")
        }
        let columns = table.columns.keys.sorted()
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection -> [String: FieldValue]? in
            guard let row = try await connection.rows("SELECT \(columns.joined(separator: ", ")) FROM \(table.name) WHERE id = $1",
                                                      [.text(id)], logger: logger).first else { return nil }
            let cells = row.makeRandomAccess()
            var values: [String: FieldValue] = [:]
            for (index, column) in columns.enumerated() {
                values[column] = try SyncedRows.value(cells[index], table: table, column: column)
            }
            return values
        }
    }

    /// The ids of a synced table's rows owned by `owner`.
    public func rowIDs(_ tableName: String, owner: String) async throws -> [String] {
        guard let table = SyncedTable.all[tableName] else { return [] }
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await connection.rows("SELECT id FROM \(table.name) WHERE owner = $1 ORDER BY id", [.text(owner)],
                                      logger: logger).map { try $0.decode(String.self) }
        }
    }

    /// The last server sequence handed out (the change log's head).
    public func logHead() async throws -> Int64 {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await connection.rows("SELECT log_head FROM central_state", logger: logger).first.map { try $0.decode(Int64.self) } ?? 0
        }
    }
}
