import GRDB
import SyncModel

extension LocalStore {
    /// Conflict records, open ones first, newest first.
    public func conflicts(includeResolved: Bool = false) throws -> [ConflictRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM conflict WHERE deleted = 0 AND (? OR status = 0) ORDER BY status, tbl, row_id, field, id
                """, arguments: [includeResolved]).map(Self.conflictRecord)
        }
    }

    /// One conflict record by id (or a unique id prefix).
    public func conflict(_ key: String) throws -> ConflictRecord {
        try read { db in try Self.fetchConflict(db, key: key) }
    }

    /// Resolves a conflict (DESIGN §5 rule 2): writes a normal new change that supersedes both
    /// sides and closes the record; both sync like any other change.
    public func resolveConflict(_ key: String, resolution: ConflictResolution, author: String? = nil) throws -> ConflictRecord {
        try write { db in
            let conflict = try Self.fetchConflict(db, key: key)
            let plan: ResolutionPlan
            do {
                plan = try conflict.resolution(resolution)
            } catch let error as ResolutionError {
                throw StoreError.notAllowed(entity: "conflict", id: conflict.id, reason: error.description)
            }
            if let first = plan.writes.first, SyncedTable.all[first.table] != nil {
                let owner = try String.fetchOne(db, sql: "SELECT owner FROM \(first.table) WHERE id = ?", arguments: [first.row])
                if let problem = plan.scopeProblem(for: conflict, rowOwner: owner) {
                    throw StoreError.notAllowed(entity: "conflict", id: conflict.id, reason: problem)
                }
            } else if let problem = plan.scopeProblem(for: conflict, rowOwner: nil) {
                throw StoreError.notAllowed(entity: "conflict", id: conflict.id, reason: problem)
            }
            for write in plan.all {
                guard let table = SyncedTable.all[write.table], table.columns[write.field] != nil else {
                    throw StoreError.invalid(entity: "conflict", field: write.field, reason: "names an unknown field")
                }
                if let problem = table.problem(column: write.field, value: write.value) {
                    throw StoreError.invalid(entity: "conflict", field: write.field, reason: problem)
                }
                try db.execute(sql: "UPDATE \(write.table) SET \(write.field) = ? WHERE id = ?",
                               arguments: [write.value.databaseValue, write.row])
            }
            return try Self.fetchConflict(db, key: conflict.id)
        }
    }

    static func fetchConflict(_ db: Database, key: String) throws -> ConflictRecord {
        // A plain prefix: `%` and `_` in what was typed are characters, not LIKE wildcards.
        let prefix = key.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM conflict WHERE deleted = 0 AND (id = ? OR id LIKE ? || '%' ESCAPE '\\') LIMIT 2
            """, arguments: [key, prefix])
        guard rows.count == 1 || rows.contains(where: { $0["id"] == key }) else {
            throw rows.isEmpty ? StoreError.notFound(entity: "conflict", id: key)
                : StoreError.invalid(entity: "conflict", field: "id", reason: "'\(key)' matches several conflicts; give more of the id")
        }
        return try conflictRecord(rows.first { $0["id"] == key } ?? rows[0])
    }

    static func conflictRecord(_ row: Row) throws -> ConflictRecord {
        var values: [String: FieldValue] = [:]
        for column in row.columnNames where column != "id" { values[column] = FieldValue(row[column] as DatabaseValue) }
        do {
            return try ConflictRecord(id: row["id"], rowValues: values)
        } catch {
            throw StoreError.corrupt(path: "conflict \(row["id"] as String)", detail: "\(error)")
        }
    }
}
