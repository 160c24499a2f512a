import Foundation
import GRDB
import SyncModel
import SyncWire

extension LocalStore {
    /// Validates an incoming change before the merge: a refusal, or a pass.
    public typealias ChangeScreen = @Sendable (Change, Database) throws -> ScreenVerdict

    /// What a ``ChangeScreen`` found.
    public enum ScreenVerdict: Sendable {
        /// The change is refused alone, with this reason; nothing of it is written.
        case refuse(RefusedChange)
        /// The change goes on to the merge. `rowExists`, when the screen looked the row up,
        /// saves the merge a second lookup.
        case pass(rowExists: Bool?)
    }

    /// Merges remote changes into this store inside the caller's write transaction
    /// (DESIGN §5): duplicates are skipped by the per-site highest sequence, each change goes
    /// through ``Merge``, conflict records and re-assertions are written as local changes.
    ///
    /// Used by the central node for a pushed batch and by a clinic for a pulled page.
    func applyRemote(_ changes: [Change], in db: Database, screen: ChangeScreen? = nil) throws -> ApplyReport {
        let central = identity.role == .central
        let localSite = identity.siteID
        let now = clock.nowMillis()
        var report = ApplyReport()
        var progress: [String: Int64] = [:]
        var conflicts: [ConflictRecord] = []
        var reassertions: [Reassertion] = []
        var maxHLC: Int64 = 0
        var memo = BatchMemo()

        try db.execute(sql: "UPDATE capture_state SET applying = 1")
        for change in changes {
            let site = change.version.site
            if site == localSite { report.duplicates += 1; continue }
            let known = try progress[site] ?? Int64.fetchOne(db.cachedStatement(sql: "SELECT max_seq FROM site_progress WHERE site = ?"),
                                                             arguments: [site]) ?? 0
            if change.version.seq <= known {
                report.duplicates += 1
                report.accepted.append(change.version.seq)
                report.logSeqs.append(try Self.loggedSeq(of: change, db) ?? 0)
                continue
            }
            var rowExists: Bool?
            switch try screen?(change, db) {
            case .refuse(let refusal)?:
                // Progress never moves on a refusal (DESIGN §4).
                report.refused.append(refusal)
                continue
            case .pass(let exists)?: rowExists = exists
            case nil: break
            }
            maxHLC = max(maxHLC, change.version.hlc.bitPattern)
            var outcome = try mergeOne(change, rowExists: rowExists, db: db, central: central, now: now, memo: &memo)
            if central, outcome.logSeq == nil {
                // Every accepted change gets a server sequence, even one merged away, so its
                // writer learns where it stands in the central order (causality stays exact).
                outcome.logSeq = try ChangeLogEntry.append(change, localSite: localSite, nowMillis: now, applied: false, db)
                outcome.mergedAway = true
            }
            conflicts += outcome.conflicts
            reassertions += outcome.reassertions
            report.accepted.append(change.version.seq)
            report.logSeqs.append(outcome.logSeq ?? 0)
            if outcome.logSeq != nil && !outcome.mergedAway { report.written += 1 }
            progress[site] = change.version.seq
        }
        for (site, seq) in progress {
            try db.execute(sql: """
                INSERT INTO site_progress (site, max_seq) VALUES (?, ?)
                ON CONFLICT (site) DO UPDATE SET max_seq = max(max_seq, excluded.max_seq)
                """, arguments: [site, seq])
        }
        // Local consequences: stamped after everything received, so they win over it.
        try db.execute(sql: "UPDATE capture_state SET hlc = max(hlc, ?) + 1, now_ms = ?", arguments: [maxHLC, now])
        try db.execute(sql: "UPDATE capture_state SET hlc = max(hlc, ?)", arguments: [now << 16])
        if central {
            try db.execute(sql: "UPDATE capture_state SET observed = (SELECT coalesce(max(seq), 0) FROM change_log)")
        }
        for reassertion in reassertions { try writeReassertion(reassertion, db: db, now: now) }
        try db.execute(sql: "UPDATE capture_state SET applying = 0")
        for conflict in conflicts where try insertConflict(conflict, db: db) { report.conflictsCreated += 1 }
        report.wroteLocalChanges = !reassertions.isEmpty || report.conflictsCreated > 0
        return report
    }

    private struct MergeOutcome {
        var logSeq: Int64?
        var mergedAway = false
        var conflicts: [ConflictRecord] = []
        var reassertions: [Reassertion] = []
    }

    /// What one batch reads or prepares again and again: the lifecycle of claims whose lines
    /// arrive together (each line's merge needs it; a change to the claim row drops its entry),
    /// and the insert statement for each table and column list.
    private struct BatchMemo {
        var lifecycles: [String: FieldState?] = [:]
        /// Per table: the last insert's column list (all known columns) and its statement.
        var inserts: [String: (columns: [String], statement: Statement)] = [:]
        var probes: [String: Statement] = [:]

        /// The insert statement for `columns` of `table`.
        mutating func insert(into table: String, columns: [String], _ db: Database) throws -> Statement {
            if let last = inserts[table], last.columns == columns { return last.statement }
            let placeholders = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            let statement = try db.cachedStatement(
                sql: "INSERT INTO \(table) (id, \(columns.joined(separator: ", "))) VALUES (\(placeholders))")
            inserts[table] = (columns, statement)
            return statement
        }

        /// The columns of `fields` that `table` has, in order: a column list seen before is known
        /// whole, and answered with the very array ``insert(into:columns:_:)`` keeps, which it
        /// then recognises without comparing names.
        func known(_ fields: [String], in table: SyncedTable) -> [String] {
            if let last = inserts[table.name], last.columns == fields { return last.columns }
            return fields.filter { table.columns[$0] != nil }
        }

        /// Whether `table` has a row `id` (one primary-key probe, no row decoded).
        mutating func exists(_ table: String, _ id: String, _ db: Database) throws -> Bool {
            let probe = try probes[table] ?? db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE id = ?")
            probes[table] = probe
            return try StatementBinding.hasRow(probe, [id.databaseValue], in: db)
        }
    }

    /// Merges one change; `rowExists`, when known (the screen looked), spares a lookup.
    private func mergeOne(_ change: Change, rowExists: Bool?, db: Database, central: Bool, now: Int64,
                          memo: inout BatchMemo) throws -> MergeOutcome {
        guard let table = SyncedTable.all[change.table] else { return MergeOutcome() }
        let states = try rowExists ?? memo.exists(table.name, change.row, db)
            ? RowStates.load(db, table: table.name, row: change.row, centralLog: central) : [:]
        let lifecycle: FieldState?
        let lineClaim = table.name == SyncSchema.serviceLineTable
            ? (states[SyncSchema.claimIDField]?.value.textValue ?? change.rowValues[SyncSchema.claimIDField]?.textValue) : nil
        if let lineClaim, let cached = memo.lifecycles[lineClaim] {
            lifecycle = cached
        } else {
            lifecycle = try RowStates.claimLifecycle(db, table: table.name, states: states, incoming: change,
                                                     centralLog: central)
            if let lineClaim { memo.lifecycles[lineClaim] = .some(lifecycle) }
        }
        if table.name == SyncSchema.claimTable { memo.lifecycles[change.row] = nil }
        let site = identity.siteID
        if change.isRowInsert {
            let decision = Merge.row(current: states, incoming: change,
                                     context: RowContext(tombstone: states[SyncSchema.deletedField], claimLifecycle: lifecycle))
            var outcome = MergeOutcome(conflicts: decision.conflicts, reassertions: decision.reassertions)
            let applied = memo.known(decision.appliedFields, in: table)
            if states.isEmpty {
                let fieldValues = applied.map { change.rowValues[$0] ?? .null }
                var values = [change.row.databaseValue]
                values.reserveCapacity(applied.count + 1)
                for value in fieldValues { values.append(value.databaseValue) }
                try StatementBinding.execute(try memo.insert(into: table.name, columns: applied, db), values, in: db)
                // Every field a column (the usual case): the log's JSON from the values just bound.
                let rowJSON = applied.count == decision.appliedFields.count
                    ? FlatJSON.encode(keys: applied, values: fieldValues) : nil
                outcome.logSeq = try ChangeLogEntry.append(change, localSite: site, nowMillis: now,
                                                           rowKeys: decision.appliedFields, rowJSON: rowJSON, db)
                if table.name == SyncSchema.claimTable, decision.reassertions.isEmpty,
                   case .integer? = change.rowValues[SyncSchema.lifecycleField], applied.contains(SyncSchema.lifecycleField),
                   let lifecycle = change.rowValues[SyncSchema.lifecycleField] {
                    // What RowStates would read back for the claim just inserted: its lines need it next.
                    memo.lifecycles[change.row] = .some(FieldState(
                        value: lifecycle, version: change.version,
                        serverSeq: central ? outcome.logSeq : change.serverSeq, observed: change.observed))
                }
            } else {
                for field in applied {
                    let value = change.rowValues[field] ?? .null
                    try db.cachedStatement(sql: "UPDATE \(table.name) SET \(field) = ? WHERE id = ?")
                        .execute(arguments: [value.databaseValue, change.row])
                    outcome.logSeq = try ChangeLogEntry.append(change, field: field, value: value, localSite: site,
                                                               nowMillis: now, db)
                }
            }
            return outcome
        }
        guard !states.isEmpty, table.columns[change.field] != nil else { return MergeOutcome() }
        let decision = Merge.field(current: states[change.field], incoming: change,
                                   context: RowContext(row: states, merging: change.field, claimLifecycle: lifecycle))
        var outcome = MergeOutcome(conflicts: decision.conflicts, reassertions: decision.reassertion.map { [$0] } ?? [])
        if decision.apply {
            try db.cachedStatement(sql: "UPDATE \(table.name) SET \(change.field) = ? WHERE id = ?")
                .execute(arguments: [change.value.databaseValue, change.row])
            outcome.logSeq = try ChangeLogEntry.append(change, localSite: site, nowMillis: now, db)
        }
        return outcome
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

    /// The local log sequence of a change already applied here, if it was logged.
    static func loggedSeq(of change: Change, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM change_log WHERE site = ? AND site_seq = ?"),
                           arguments: [change.version.site, change.version.seq])
    }
}
