import Foundation
import GRDB
import SyncModel
import SyncWire

extension LocalStore {
    /// Merges remote changes into this store inside the caller's write transaction
    /// (DESIGN §5): SyncModel's ``ApplyPlanner`` plans the batch over this store's state
    /// (duplicates by the per-site highest sequence, the push screen when `screen` is given, the
    /// merge), then the plan is executed here: row writes and log entries in order, progress,
    /// the clock, re-assertions and conflict records as local changes.
    ///
    /// Used by the central node for a pushed batch and by a clinic for a pulled page.
    func applyRemote(_ changes: [Change], in db: Database, screen: ApplyPlanner.Screen? = nil) throws -> ApplyReport {
        let central = identity.role == .central
        let now = clock.nowMillis()
        let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0
        var facts = StoreFacts(db, central: central)
        let plan = try ApplyPlanner.plan(changes, settings: ApplyPlanner.Settings(
            localSite: identity.siteID, central: central, screen: screen, nextLogSeq: head + 1), facts: &facts)

        try db.execute(sql: "UPDATE capture_state SET applying = 1")
        var inserts = InsertStatements()
        for step in plan.steps { try execute(step, db: db, now: now, inserts: &inserts) }
        for (site, seq) in plan.progress {
            try db.execute(sql: """
                INSERT INTO site_progress (site, max_seq) VALUES (?, ?)
                ON CONFLICT (site) DO UPDATE SET max_seq = max(max_seq, excluded.max_seq)
                """, arguments: [site, seq])
        }
        // Local consequences: stamped after everything received, so they win over it.
        try db.execute(sql: "UPDATE capture_state SET hlc = max(hlc, ?) + 1, now_ms = ?", arguments: [plan.maxHLC, now])
        try db.execute(sql: "UPDATE capture_state SET hlc = max(hlc, ?)", arguments: [now << 16])
        if central {
            try db.execute(sql: "UPDATE capture_state SET observed = (SELECT coalesce(max(seq), 0) FROM change_log)")
        }
        for reassertion in plan.reassertions { try writeReassertion(reassertion, db: db, now: now) }
        try db.execute(sql: "UPDATE capture_state SET applying = 0")
        var report = ApplyReport()
        for conflict in plan.conflicts where try insertConflict(conflict, db: db) { report.conflictsCreated += 1 }
        report.accepted = plan.accepted
        report.logSeqs = plan.logSeqs
        report.refused = plan.refused
        report.written = plan.written
        report.duplicates = plan.duplicates
        report.highestAnswered = plan.highestAnswered
        report.wroteLocalChanges = !plan.reassertions.isEmpty || report.conflictsCreated > 0
        return report
    }

    /// The insert statement for each table and column list of a batch: the last one per table
    /// (a batch's inserts of one table almost always name the same columns).
    private struct InsertStatements {
        var last: [String: (columns: [String], statement: Statement)] = [:]

        mutating func statement(into table: String, columns: [String], _ db: Database) throws -> Statement {
            if let known = last[table], known.columns == columns { return known.statement }
            let placeholders = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            let statement = try db.cachedStatement(
                sql: "INSERT INTO \(table) (id, \(columns.joined(separator: ", "))) VALUES (\(placeholders))")
            last[table] = (columns, statement)
            return statement
        }
    }

    /// One step of a plan: its row write, then its log entry.
    private func execute(_ step: ApplyPlan.Step, db: Database, now: Int64, inserts: inout InsertStatements) throws {
        let change = step.change, site = identity.siteID
        let seq: Int64
        switch step.write {
        case .insert(let columns)?:
            let fieldValues = columns.map { change.rowValues[$0] ?? .null }
            var values = [change.row.databaseValue]
            values.reserveCapacity(columns.count + 1)
            for value in fieldValues { values.append(value.databaseValue) }
            try StatementBinding.execute(try inserts.statement(into: change.table, columns: columns, db), values, in: db)
            // Every field a column (the usual case): the log's JSON from the values just bound.
            let rowJSON = columns.count == step.rowKeys?.count ? FlatJSON.encode(keys: columns, values: fieldValues) : nil
            seq = try ChangeLogEntry.append(change, localSite: site, nowMillis: now, rowKeys: step.rowKeys,
                                            rowJSON: rowJSON, db)
        case .update(let column, let value)?:
            try db.cachedStatement(sql: "UPDATE \(change.table) SET \(column) = ? WHERE id = ?")
                .execute(arguments: [value.databaseValue, change.row])
            seq = try ChangeLogEntry.append(change, field: column, value: value, localSite: site, nowMillis: now, db)
        case nil:
            seq = try ChangeLogEntry.append(change, localSite: site, nowMillis: now, applied: false, db)
        }
        assert(seq == step.logSeq, "the log was planned from \(step.logSeq), written at \(seq)")
    }

    /// Writes a re-assertion (rule 4) as a local change, flagged so no replica parks it.
    private func writeReassertion(_ reassertion: Reassertion, db: Database, now: Int64) throws {
        let hlc = try Int64.fetchOne(db, sql: "UPDATE capture_state SET hlc = hlc + 1 RETURNING hlc") ?? 0
        let observed = try Int64.fetchOne(db, sql: "SELECT observed FROM capture_state") ?? 0
        try db.execute(sql: "UPDATE \(reassertion.table) SET \(reassertion.field) = ? WHERE id = ?",
                       arguments: [reassertion.value.databaseValue, reassertion.row])
        let change = reassertion.change(version: Version(hlc: HLC(bitPattern: hlc), site: identity.siteID, seq: 0),
                                        observed: observed, author: "clinicsync (re-assert submitted claim)")
        try ChangeLogEntry.append(change, localSite: identity.siteID, nowMillis: now, db)
    }

    /// Inserts a conflict record unless this replica has it already (ids are deterministic).
    private func insertConflict(_ conflict: ConflictRecord, db: Database) throws -> Bool {
        let values = conflict.rowValues
        let columns = values.keys.sorted()
        let placeholders = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        try db.execute(sql: "INSERT OR IGNORE INTO conflict (id, \(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                       arguments: StatementArguments([conflict.id.databaseValue] + columns.map { values[$0]!.databaseValue }))
        return db.changesCount > 0
    }

}
