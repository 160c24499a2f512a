import ClinicStore
import Logging
import PostgresNIO
import SyncModel

extension PostgresCentral {
    /// One conflict record by id or by a unique prefix of it (as `LocalStore.conflict`).
    ///
    /// Throws `StoreError.notFound` when nothing matches and `StoreError.invalid` when the
    /// prefix matches several conflicts.
    public func conflict(_ key: String) async throws -> ConflictRecord {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await Self.fetchConflict(key, on: connection, logger: logger)
        }
    }

    /// Resolves a conflict at the central node (DESIGN §5 rule 2), as `LocalStore.resolveConflict`
    /// does: SyncModel's ``SyncModel/ConflictRecord/resolution(_:)`` plans the writes, and they
    /// are written as the central office's own changes — the resolving value first, then the
    /// record's `status` and `resolution` — in one transaction, so a clinic pulling gets the
    /// value and the closed conflict together. Returns the record as resolved.
    ///
    /// Throws `StoreError.notFound` / `StoreError.invalid` for an unknown or ambiguous id,
    /// `StoreError.notAllowed` when the plan is refused (already resolved, or a submitted
    /// claim's coding that only a replacement claim can change), and `StoreError.invalid` for
    /// a value the field refuses; then nothing changes.
    @discardableResult
    public func resolveConflict(_ key: String, resolution: ConflictResolution,
                                author: String? = nil) async throws -> ConflictRecord {
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger, now = clock.nowMillis()
        return try await gateway.transaction { connection in
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       author: author, logger: logger)
            let conflict = try await Self.fetchConflict(key, on: connection, logger: logger)
            let plan: ResolutionPlan
            do {
                plan = try conflict.resolution(resolution)
            } catch let error as ResolutionError {
                throw StoreError.notAllowed(entity: "conflict", id: conflict.id, reason: error.description)
            }
            var rowOwner: String?
            if let first = plan.writes.first, SyncedTable.all[first.table] != nil {
                rowOwner = try await context.owner(of: first.table, row: first.row)
            }
            if let problem = plan.scopeProblem(for: conflict, rowOwner: rowOwner) {
                throw StoreError.notAllowed(entity: "conflict", id: conflict.id, reason: problem)
            }
            try await context.writeCentral(plan.all, entity: "conflict")
            try await context.finish()
            return try await Self.fetchConflict(conflict.id, on: connection, logger: logger)
        }
    }

    /// The live conflict whose id is `key` or starts with it (case-insensitively, as SQLite's
    /// `LIKE` matches at the SQLite store).
    static func fetchConflict(_ key: String, on connection: PostgresConnection,
                              logger: Logger) async throws -> ConflictRecord {
        guard let table = SyncedTable.all[SyncSchema.conflictTable] else {
            throw StoreError.notFound(entity: "conflict", id: key)
        }
        let rows = try await SyncedRows.select(table, where: "deleted = 0 AND (id = $1 OR starts_with(lower(id), lower($1)))",
                                               [.text(key)], orderBy: "id = $1 DESC, id COLLATE \"C\"", limit: 2,
                                               on: connection, logger: logger)
        guard rows.count == 1 || rows.contains(where: { $0.id == key }) else {
            throw rows.isEmpty ? StoreError.notFound(entity: "conflict", id: key)
                : StoreError.invalid(entity: "conflict", field: "id", reason: "'\(key)' matches several conflicts; give more of the id")
        }
        let row = rows[0]
        do {
            return try ConflictRecord(id: row.id, rowValues: row.values)
        } catch {
            throw StoreError.corrupt(path: "conflict \(row.id)", detail: "\(error)")
        }
    }
}
