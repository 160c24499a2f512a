import ClinicStore
import Foundation
import SyncModel

extension PostgresCentral {
    /// Plans a pushed batch with SyncModel's ``SyncModel/ApplyPlanner`` (the rules the SQLite node
    /// uses too) over what this node holds, read ahead in a few queries: the site's progress,
    /// the owners of the rows the batch names and refers to, where replayed changes were logged,
    /// and the field states of the rows the merge reads. Should the planner ask for something
    /// not read ahead, that is read and the batch planned again.
    func plan(_ changes: [Change], screen: ApplyPlanner.Screen, in context: WriteContext) async throws -> ApplyPlan {
        let settings = ApplyPlanner.Settings(localSite: context.siteID, central: true, screen: screen,
                                             nextLogSeq: context.head + 1)
        var facts = try await prefetch(for: changes, in: context)
        while true {
            facts.clearMissing()
            let plan = try ApplyPlanner.plan(changes, settings: settings, facts: &facts)
            let missing = facts.missing
            if missing.isEmpty { return plan }
            try await fetch(missing, into: &facts, in: context)
        }
    }

    /// The facts a batch needs, in the order they depend on each other.
    private func prefetch(for changes: [Change], in context: WriteContext) async throws -> PrefetchedFacts {
        var facts = PrefetchedFacts()
        var missing = PrefetchedFacts.Missing()
        missing.sites = Set(changes.lazy.map(\.version.site).filter { $0 != context.siteID })
        for change in changes where SyncedTable.all[change.table] != nil {
            if change.row.utf8.count <= SyncedTable.maxIDLength {
                missing.owners.insert(PushScreen.RowKey(table: change.table, id: change.row))
            }
            missing.owners.formUnion(PushScreen.lookups(for: change))
        }
        try await fetch(missing, into: &facts, in: context)
        // Replays: where they were logged. The rest: the states of the rows they change, and of
        // the claims their lines belong to.
        missing = PrefetchedFacts.Missing()
        var claims: [String] = []
        for change in changes where SyncedTable.all[change.table] != nil && change.version.site != context.siteID {
            guard change.version.seq > facts.progress[change.version.site] ?? 0 else {
                missing.logged.insert(change.key)
                continue
            }
            let key = PushScreen.RowKey(table: change.table, id: change.row)
            if facts.owners[key] != nil && facts.owners[key] != .some(nil) { missing.states.insert(key) }
            if change.table == SyncSchema.serviceLineTable {
                if let claim = change.rowValues[SyncSchema.claimIDField]?.textValue { claims.append(claim) }
            }
        }
        for claim in claims {
            let key = PushScreen.RowKey(table: SyncSchema.claimTable, id: claim)
            if case .some(.some) = facts.owners[key] { missing.states.insert(key) }
        }
        try await fetch(missing, into: &facts, in: context)
        return facts
    }

    /// Reads what `missing` names into `facts`.
    private func fetch(_ missing: PrefetchedFacts.Missing, into facts: inout PrefetchedFacts,
                       in context: WriteContext) async throws {
        for site in missing.sites.sorted() {
            facts.progress[site] = try await context.rows("SELECT max_seq FROM site_progress WHERE site = $1", [.text(site)])
                .first.map { try $0.decode(Int64.self) } ?? 0
        }
        try await context.prefetchOwners(missing.owners.map { ($0.table, $0.id) })
        for key in missing.owners { facts.owners[key] = .some(try await context.owner(of: key.table, row: key.id)) }
        if !missing.logged.isEmpty {
            for (key, seq) in try await LogEntry.loggedSeqs(of: Array(missing.logged), in: context) {
                facts.loggedSeqs[key] = .some(seq)
            }
        }
        for key in missing.states.sorted(by: { ($0.table, $0.id) < ($1.table, $1.id) }) {
            guard let table = SyncedTable.all[key.table] else { continue }
            facts.states[key] = try await PostgresRowStates.load(table: table, row: key.id, in: context)
        }
    }

    /// Executes a plan inside the caller's write transaction: each step's row write and log
    /// entry (rows and entries go in multi-row inserts), the sites' progress, the node's clock,
    /// then re-assertions and conflict records as the node's own changes. Returns how many
    /// conflict records were new.
    func execute(_ plan: ApplyPlan, in context: WriteContext) async throws -> Int {
        for step in plan.steps {
            let change = step.change
            let seq: Int64
            switch step.write {
            case .insert(let columns)?:
                try await SyncedRows.insert(into: change.table, row: change.row, values: change.rowValues, columns: columns,
                                            in: context)
                context.inserted(change.table, row: change.row, owner: change.owner)
                seq = try await LogEntry.append(change, in: context)
            case .update(let column, let value)?:
                try await SyncedRows.update(change.table, row: change.row, column: column, to: value, in: context)
                seq = try await LogEntry.append(change, field: column, value: value, in: context)
            case nil:
                seq = try await LogEntry.append(change, applied: false, in: context)
            }
            assert(seq == step.logSeq, "the log was planned from \(step.logSeq), written at \(seq)")
        }
        for (site, seq) in plan.progress.sorted(by: { $0.key < $1.key }) {
            try await context.run("""
                INSERT INTO site_progress (site, max_seq) VALUES ($1, $2)
                ON CONFLICT (site) DO UPDATE SET max_seq = greatest(site_progress.max_seq, excluded.max_seq)
                """, [.text(site), .integer(seq)])
        }
        // Local consequences: stamped after everything received, so they win over it.
        context.hlc = max(max(context.hlc, plan.maxHLC) + 1, context.nowMillis << 16)
        context.observed = context.head
        for reassertion in plan.reassertions { try await writeReassertion(reassertion, in: context) }
        var created = 0
        for conflict in plan.conflicts where try await insertConflict(conflict, in: context) { created += 1 }
        return created
    }

    /// Writes a re-assertion (rule 4) as the node's own change, flagged so no replica parks it.
    private func writeReassertion(_ reassertion: Reassertion, in context: WriteContext) async throws {
        context.hlc += 1
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
