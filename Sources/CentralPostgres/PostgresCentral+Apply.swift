import ClinicStore
import SyncModel

extension PostgresCentral {
    /// Validates an incoming change before the merge; returns the refusal, or `nil` to go on.
    typealias Screen = (Change, WriteContext) async throws -> RefusedChange?

    /// Merges remote changes inside the caller's write transaction, as `LocalStore.applyRemote`
    /// does at the SQLite central node: duplicates are skipped by the per-site highest
    /// sequence, each change goes through SyncModel's ``SyncModel/Merge``, every accepted change
    /// gets a server sequence (one merged away is logged with `applied = false`), and conflict
    /// records and re-assertions are written as the node's own changes.
    func applyRemote(_ changes: [Change], in context: WriteContext, screen: Screen) async throws -> ApplyReport {
        var report = ApplyReport()
        var progress: [String: Int64] = [:]
        var conflicts: [ConflictRecord] = []
        var reassertions: [Reassertion] = []
        var maxHLC: Int64 = 0
        // One query per table for whether the batch's rows exist (and whose they are).
        try await context.prefetchOwners(changes.compactMap { change in
            SyncedTable.all[change.table] == nil ? nil : (change.table, change.row)
        })
        for change in changes {
            let site = change.version.site
            if site == context.siteID { report.duplicates += 1; continue }
            var known = progress[site]
            if known == nil {
                known = try await context.rows("SELECT max_seq FROM site_progress WHERE site = $1", [.text(site)])
                    .first.map { try $0.decode(Int64.self) } ?? 0
            }
            if change.version.seq <= known ?? 0 {
                report.duplicates += 1
                report.accepted.append(change.version.seq)
                report.logSeqs.append(try await LogEntry.loggedSeq(of: change, in: context) ?? 0)
                continue
            }
            if let refusal = try await screen(change, context) {
                // Progress never moves on a refusal (DESIGN §4).
                report.refused.append(refusal)
                continue
            }
            maxHLC = max(maxHLC, change.version.hlc.bitPattern)
            var outcome = try await mergeOne(change, in: context)
            if outcome.logSeq == nil {
                // Every accepted change gets a server sequence, even one merged away, so its
                // writer learns where it stands in the central order (causality stays exact).
                outcome.logSeq = try await LogEntry.append(change, applied: false, in: context)
                outcome.mergedAway = true
            }
            conflicts += outcome.conflicts
            reassertions += outcome.reassertions
            report.accepted.append(change.version.seq)
            report.logSeqs.append(outcome.logSeq ?? 0)
            if !outcome.mergedAway { report.written += 1 }
            progress[site] = change.version.seq
        }
        for (site, seq) in progress.sorted(by: { $0.key < $1.key }) {
            try await context.run("""
                INSERT INTO site_progress (site, max_seq) VALUES ($1, $2)
                ON CONFLICT (site) DO UPDATE SET max_seq = greatest(site_progress.max_seq, excluded.max_seq)
                """, [.text(site), .integer(seq)])
        }
        // Local consequences: stamped after everything received, so they win over it.
        context.hlc = max(max(context.hlc, maxHLC) + 1, context.nowMillis << 16)
        context.observed = context.head
        for reassertion in reassertions { try await writeReassertion(reassertion, in: context) }
        for conflict in conflicts {
            if try await insertConflict(conflict, in: context) { report.conflictsCreated += 1 }
        }
        return report
    }

    private struct MergeOutcome {
        var logSeq: Int64?
        var mergedAway = false
        var conflicts: [ConflictRecord] = []
        var reassertions: [Reassertion] = []
    }

    private func mergeOne(_ change: Change, in context: WriteContext) async throws -> MergeOutcome {
        guard let table = SyncedTable.all[change.table] else { return MergeOutcome() }
        let exists = try await context.owner(of: table.name, row: change.row) != nil
        let states = exists ? try await PostgresRowStates.load(table: table, row: change.row, in: context) : [:]
        let lifecycle: FieldState?
        let lineClaim = table.name == SyncSchema.serviceLineTable
            ? (states[SyncSchema.claimIDField]?.value.textValue ?? change.rowValues[SyncSchema.claimIDField]?.textValue) : nil
        if let lineClaim, let known = context.lifecycles[lineClaim] {
            lifecycle = known
        } else {
            lifecycle = try await PostgresRowStates.claimLifecycle(table: table.name, states: states, incoming: change,
                                                                   in: context)
            if let lineClaim { context.lifecycles[lineClaim] = .some(lifecycle) }
        }
        if table.name == SyncSchema.claimTable { context.lifecycles[change.row] = nil }
        if change.isRowInsert {
            let decision = Merge.row(current: states, incoming: change,
                                     context: RowContext(tombstone: states[SyncSchema.deletedField], claimLifecycle: lifecycle))
            var outcome = MergeOutcome(conflicts: decision.conflicts, reassertions: decision.reassertions)
            let applied = decision.appliedFields.filter { table.columns[$0] != nil }
            if states.isEmpty {
                try await SyncedRows.insert(into: table.name, row: change.row, values: change.rowValues, columns: applied,
                                            in: context)
                context.inserted(table.name, row: change.row, owner: change.owner)
                outcome.logSeq = try await LogEntry.append(change, in: context)
                if table.name == SyncSchema.claimTable, decision.reassertions.isEmpty,
                   applied.contains(SyncSchema.lifecycleField),
                   case .integer? = change.rowValues[SyncSchema.lifecycleField],
                   let lifecycle = change.rowValues[SyncSchema.lifecycleField] {
                    // What PostgresRowStates would read back for the claim just inserted: its lines need it next.
                    context.lifecycles[change.row] = .some(FieldState(value: lifecycle, version: change.version,
                                                                      serverSeq: outcome.logSeq, observed: change.observed))
                }
            } else {
                for field in applied {
                    let value = change.rowValues[field] ?? .null
                    try await SyncedRows.update(table.name, row: change.row, column: field, to: value, in: context)
                    outcome.logSeq = try await LogEntry.append(change, field: field, value: value, in: context)
                }
            }
            return outcome
        }
        guard !states.isEmpty, table.columns[change.field] != nil else { return MergeOutcome() }
        let decision = Merge.field(current: states[change.field], incoming: change,
                                   context: RowContext(row: states, merging: change.field, claimLifecycle: lifecycle))
        var outcome = MergeOutcome(conflicts: decision.conflicts, reassertions: decision.reassertion.map { [$0] } ?? [])
        if decision.apply {
            try await SyncedRows.update(table.name, row: change.row, column: change.field, to: change.value, in: context)
            outcome.logSeq = try await LogEntry.append(change, in: context)
        }
        return outcome
    }

    /// Writes a re-assertion (rule 4) as the node's own change, flagged so no replica parks it.
    private func writeReassertion(_ reassertion: Reassertion, in context: WriteContext) async throws {
        context.hlc += 1
        if reassertion.table == SyncSchema.claimTable { context.lifecycles[reassertion.row] = nil }
        try await SyncedRows.update(reassertion.table, row: reassertion.row, column: reassertion.field,
                                    to: reassertion.value, in: context)
        let change = reassertion.change(version: Version(hlc: HLC(bitPattern: context.hlc), site: context.siteID,
                                                         seq: context.head + 1),
                                        observed: context.observed, author: "clinicsync (re-assert submitted claim)")
        try await LogEntry.append(change, in: context)
    }

    /// Inserts a conflict record unless the node has it already (ids are deterministic) and
    /// logs it as the node's own row insert, so it travels to the owning clinic.
    private func insertConflict(_ conflict: ConflictRecord, in context: WriteContext) async throws -> Bool {
        let values = conflict.rowValues
        let columns = values.keys.sorted()
        let names = (["id"] + columns).joined(separator: ", ")
        let placeholders = (1...columns.count + 1).map { "$\($0)" }.joined(separator: ", ")
        let arguments = try [FieldValue.text(conflict.id)] + columns.map {
            try SyncedRows.bound(values[$0] ?? .null, table: SyncSchema.conflictTable, column: $0)
        }
        let inserted = try await context.rows("""
            INSERT INTO conflict (\(names)) VALUES (\(placeholders)) ON CONFLICT (id) DO NOTHING RETURNING id
            """, arguments)
        guard !inserted.isEmpty else { return false }
        let change = conflict.insertChange(version: Version(hlc: HLC(bitPattern: context.hlc), site: context.siteID,
                                                            seq: context.head + 1),
                                           observed: context.observed, author: context.author)
        try await LogEntry.append(change, in: context)
        return true
    }
}
