import ClinicStore
import SyncModel

extension PostgresCentral {
    /// The central office's own edit of one field (DESIGN §5: e.g. a claim's status after a
    /// payer's answer), as the SQLite central store captures it: a change of the central site,
    /// stamped after everything the node has seen, replacing the field's current version, with
    /// the log head as what it observed. It reaches the owning clinic at its next pull.
    ///
    /// Throws `StoreError` for an unknown table, field or row, or a value the column refuses.
    @discardableResult
    public func write(table tableName: String, row id: String, field: String, value: FieldValue,
                      author: String? = nil) async throws -> Int64 {
        guard let table = SyncedTable.all[tableName], field != "id", field != "owner", table.columns[field] != nil else {
            throw StoreError.invalid(entity: tableName, field: field, reason: "is not a field the central office may write")
        }
        if let problem = table.problem(column: field, value: value) {
            throw StoreError.invalid(entity: tableName, field: field, reason: problem)
        }
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger, now = clock.nowMillis()
        return try await gateway.transaction { connection in
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       author: author, logger: logger)
            guard let owner = try await context.owner(of: table.name, row: id) else {
                throw StoreError.notFound(entity: table.name, id: id)
            }
            let current = try await PostgresRowStates.load(table: table, row: id, in: context)[field]
            try await SyncedRows.update(table.name, row: id, column: field, to: value, in: context)
            let change = Change.field(table: table.name, row: id, owner: owner, field: field, value: value,
                                      version: Version(hlc: HLC(bitPattern: context.hlc), site: siteID, seq: context.head + 1),
                                      replaced: current?.version, observed: context.head, author: author)
            let seq = try await LogEntry.append(change, in: context)
            try await context.finish()
            return seq
        }
    }

    /// The central office's own new row: central reference data (`owner` `central`, e.g. a
    /// shared payer) or a row it adds for a clinic. Captured as a row insert of the central site.
    @discardableResult
    public func insert(table tableName: String, row id: String, owner: String, values: [String: FieldValue],
                       author: String? = nil) async throws -> Int64 {
        guard let table = SyncedTable.all[tableName] else {
            throw StoreError.invalid(entity: tableName, field: "table", reason: "is not a synced table")
        }
        var row = values
        row["owner"] = .text(owner)
        row[SyncSchema.deletedField] = row[SyncSchema.deletedField] ?? .integer(0)
        for column in row.keys.sorted() {
            guard column != "id", table.columns[column] != nil else {
                throw StoreError.invalid(entity: tableName, field: column, reason: "is not a field of \(tableName)")
            }
            if let problem = table.problem(column: column, value: row[column] ?? .null) {
                throw StoreError.invalid(entity: tableName, field: column, reason: problem)
            }
        }
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger, now = clock.nowMillis()
        let insertRow = row
        return try await gateway.transaction { connection in
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       author: author, logger: logger)
            guard try await context.owner(of: table.name, row: id) == nil else {
                throw StoreError.invalid(entity: tableName, field: "id", reason: "row \(id) exists already")
            }
            try await SyncedRows.insert(into: table.name, row: id, values: insertRow, columns: insertRow.keys.sorted(),
                                        in: context)
            let change = Change.insert(table: table.name, row: id, owner: owner, values: insertRow,
                                       version: Version(hlc: HLC(bitPattern: context.hlc), site: siteID, seq: context.head + 1),
                                       observed: context.head, author: author)
            let seq = try await LogEntry.append(change, in: context)
            try await context.finish()
            return seq
        }
    }
}
