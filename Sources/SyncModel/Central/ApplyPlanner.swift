/// The central node's rules for a batch of remote changes, written once as a pure planner
/// both central backends (SQLite, PostgreSQL) and the SQLite clinic's pull drive
/// (DESIGN §1, §4, §5): duplicates by the per-site progress, the push screen
/// (``PushScreen``), the merge (``Merge``), what is logged and what the reply says.
///
/// The planner reads only ``ApplyFacts`` (the backend's state before the batch) and keeps an
/// overlay of what the batch has planned so far, so a later change sees an earlier one (a line
/// inserted after its claim, two edits of one field). Planning a batch in one call equals
/// planning it change by change on the same planner.
public struct ApplyPlanner: Sendable {
    /// Who plans, and where the log stands.
    public struct Settings: Hashable, Sendable {
        /// This replica's site: its own changes coming back are duplicates.
        public var localSite: String
        /// Whether this is the central node: its log sequence is the server sequence, and every
        /// accepted change is logged (one merged away with `applied = false`).
        public var central: Bool
        /// The push being screened (a central node's push), `nil` for a pulled page.
        public var screen: Screen?
        /// The sequence the first log entry of the batch gets (the log's head + 1).
        public var nextLogSeq: Int64

        /// Settings from their parts.
        public init(localSite: String, central: Bool, screen: Screen? = nil, nextLogSeq: Int64) {
            self.localSite = localSite
            self.central = central
            self.screen = screen
            self.nextLogSeq = nextLogSeq
        }
    }

    /// The push a batch belongs to, for ``PushScreen/verdict(_:clinicID:siteID:facts:)``.
    public struct Screen: Hashable, Sendable {
        /// The clinic the token proves.
        public var clinicID: String
        /// The pushing site.
        public var siteID: String
        /// The node's log head when the push began (no clinic observed past it).
        public var logHead: Int64

        /// A screen from its parts.
        public init(clinicID: String, siteID: String, logHead: Int64) {
            self.clinicID = clinicID
            self.siteID = siteID
            self.logHead = logHead
        }
    }

    typealias RowKey = PushScreen.RowKey

    /// The settings.
    public let settings: Settings
    /// The plan so far.
    public private(set) var plan = ApplyPlan()
    private var nextSeq: Int64
    /// Per-site progress as the backend had it (asked once per site).
    private var baseProgress: [String: Int64] = [:]
    /// Owners of rows this batch inserted or the backend was asked about.
    private var owners: [RowKey: String?] = [:]
    /// Field states of rows read or written by this batch.
    private var rows: [RowKey: [String: FieldState]] = [:]
    /// Rows this batch inserted whose field states nothing has read yet: the insert and its log
    /// sequence, turned into ``rows`` on first read (most inserted rows are never read again, and
    /// building their states cost a tenth of the node's apply).
    private var insertedRows: [RowKey: (change: Change, columns: [String], logSeq: Int64)] = [:]
    /// The last log sequence of each change this batch logged, built only once a change comes
    /// twice in one batch (rare), then kept up to date.
    private var loggedIndex: [ChangeKey: Int64]?

    /// A planner with nothing planned yet.
    public init(settings: Settings) {
        self.settings = settings
        nextSeq = settings.nextLogSeq
    }

    /// Plans a whole batch at once.
    public static func plan(_ changes: [Change], settings: Settings, facts: inout some ApplyFacts) throws -> ApplyPlan {
        var planner = ApplyPlanner(settings: settings)
        for change in changes { try planner.add(change, facts: &facts) }
        return planner.plan
    }

    /// Plans one more change of the batch, after those already added.
    public mutating func add(_ change: Change, facts: inout some ApplyFacts) throws {
        let site = change.version.site
        if site == settings.localSite {
            plan.duplicates += 1
            return
        }
        let known = try plan.progress[site] ?? baseline(of: site, &facts)
        if change.version.seq <= known {
            plan.duplicates += 1
            plan.accepted.append(change.version.seq)
            plan.logSeqs.append(try loggedInBatch(change.key) ?? facts.loggedSeq(of: change.key) ?? 0)
            return
        }
        if let screen = settings.screen, let refusal = try refusal(of: change, screen: screen, &facts) {
            // Progress never moves on a refusal (DESIGN §4).
            plan.refused.append(refusal)
            return
        }
        plan.maxHLC = max(plan.maxHLC, change.version.hlc.bitPattern)
        var logSeq = try merge(change, &facts)
        var mergedAway = false
        if settings.central, logSeq == nil {
            // Every accepted change gets a server sequence, even one merged away, so its
            // writer learns where it stands in the central order (causality stays exact).
            logSeq = appendStep(change, write: nil, rowKeys: nil)
            mergedAway = true
        }
        plan.accepted.append(change.version.seq)
        plan.logSeqs.append(logSeq ?? 0)
        if logSeq != nil && !mergedAway { plan.written += 1 }
        plan.progress[site] = change.version.seq
    }

    private mutating func baseline(of site: String, _ facts: inout some ApplyFacts) throws -> Int64 {
        if let known = baseProgress[site] { return known }
        let known = try facts.progress(of: site)
        baseProgress[site] = known
        return known
    }

    /// The owner of a row as the batch leaves it so far.
    private mutating func owner(of key: RowKey, _ facts: inout some ApplyFacts) throws -> String? {
        if let known = owners[key] { return known }
        let owner = try facts.owner(of: key)
        owners[key] = .some(owner)
        return owner
    }

    /// The field states of a row as the batch leaves it so far (empty: no such row).
    private mutating func states(of key: RowKey, _ facts: inout some ApplyFacts) throws -> [String: FieldState] {
        if let known = rows[key] { return known }
        if let insert = insertedRows.removeValue(forKey: key) {
            var inserted: [String: FieldState] = [:]
            for column in insert.columns {
                inserted[column] = state(insert.change.rowValues[column] ?? .null, of: insert.change, logSeq: insert.logSeq)
            }
            rows[key] = inserted
            return inserted
        }
        guard try owner(of: key, &facts) != nil else { return [:] }
        let states = try facts.states(of: key)
        rows[key] = states
        return states
    }

    /// ``PushScreen``'s verdict over the facts and the overlay.
    private mutating func refusal(of change: Change, screen: Screen, _ facts: inout some ApplyFacts) throws -> RefusedChange? {
        let known = SyncedTable.all[change.table] != nil && change.row.utf8.count <= SyncedTable.maxIDLength
        let key = RowKey(table: change.table, id: change.row)
        let rowOwner = known ? try owner(of: key, &facts) : nil
        var references: [RowKey: String] = [:]
        for reference in PushScreen.lookups(for: change) {
            if let owner = try owner(of: reference, &facts) { references[reference] = owner }
        }
        var lifecycle: Int64?
        if known, change.isReassertion {
            let stored = change.table == SyncSchema.serviceLineTable
                ? try states(of: key, &facts)[SyncSchema.claimIDField]?.value.textValue : nil
            if let claim = PushScreen.reassertedClaim(of: change, storedClaimID: stored) {
                lifecycle = try states(of: RowKey(table: SyncSchema.claimTable, id: claim), &facts)[SyncSchema.lifecycleField]?
                    .value.integerValue
            }
        }
        let verdictFacts = PushScreen.Facts(rowOwner: rowOwner, referenceOwners: references, claimLifecycle: lifecycle,
                                            logHead: screen.logHead)
        return PushScreen.verdict(change, clinicID: screen.clinicID, siteID: screen.siteID, facts: verdictFacts)
    }

    /// The lifecycle state of the claim a claim or service-line row belongs to.
    private mutating func claimLifecycle(of change: Change, states: [String: FieldState],
                                         _ facts: inout some ApplyFacts) throws -> FieldState? {
        switch change.table {
        case SyncSchema.claimTable:
            return states[SyncSchema.lifecycleField]
        case SyncSchema.serviceLineTable:
            let claimID = states[SyncSchema.claimIDField]?.value.textValue
                ?? change.rowValues[SyncSchema.claimIDField]?.textValue
            guard let claimID else { return nil }
            return try self.states(of: RowKey(table: SyncSchema.claimTable, id: claimID), &facts)[SyncSchema.lifecycleField]
        default:
            return nil
        }
    }

    /// Merges one change into the plan; the log sequence of its last entry, `nil` when nothing was written.
    private mutating func merge(_ change: Change, _ facts: inout some ApplyFacts) throws -> Int64? {
        guard let table = SyncedTable.all[change.table] else { return nil }
        let key = RowKey(table: table.name, id: change.row)
        let states = try self.states(of: key, &facts)
        let lifecycle = try claimLifecycle(of: change, states: states, &facts)
        var logSeq: Int64?
        if change.isRowInsert {
            let decision = Merge.row(current: states, incoming: change,
                                     context: RowContext(tombstone: states[SyncSchema.deletedField], claimLifecycle: lifecycle))
            plan.conflicts += decision.conflicts
            plan.reassertions += decision.reassertions
            let applied = decision.appliedFields.filter { table.columns[$0] != nil }
            if states.isEmpty {
                let seq = appendStep(change, write: .insert(columns: applied), rowKeys: decision.appliedFields)
                logSeq = seq
                owners[key] = .some(change.owner)
                rows[key] = nil
                insertedRows[key] = (change, applied, seq)
            } else {
                var current = states
                for field in applied {
                    let value = change.rowValues[field] ?? .null
                    logSeq = appendStep(change, write: .update(column: field, value: value), rowKeys: nil)
                    current[field] = state(value, of: change, logSeq: logSeq)
                }
                rows[key] = current
            }
        } else {
            guard !states.isEmpty, table.columns[change.field] != nil else { return nil }
            let decision = Merge.field(current: states[change.field], incoming: change,
                                       context: RowContext(row: states, merging: change.field, claimLifecycle: lifecycle))
            plan.conflicts += decision.conflicts
            if let reassertion = decision.reassertion { plan.reassertions.append(reassertion) }
            if decision.apply {
                logSeq = appendStep(change, write: .update(column: change.field, value: change.value), rowKeys: nil)
                let written = state(change.value, of: change, logSeq: logSeq)
                rows[key]?[change.field] = written
            }
        }
        return logSeq
    }

    /// The state a write of `change` leaves in a field (its server sequence is the log's at the node).
    private func state(_ value: FieldValue, of change: Change, logSeq: Int64?) -> FieldState {
        FieldState(value: value, version: change.version, serverSeq: settings.central ? logSeq : change.serverSeq,
                   observed: change.observed)
    }

    private mutating func appendStep(_ change: Change, write: ApplyPlan.RowWrite?, rowKeys: [String]?) -> Int64 {
        let seq = nextSeq
        nextSeq += 1
        plan.steps.append(ApplyPlan.Step(change: change, write: write, logSeq: seq, rowKeys: rowKeys))
        loggedIndex?[change.key] = seq
        return seq
    }

    /// The last log sequence this batch gave `key`, `nil` when it logged none. Asked only for a
    /// change the batch carries twice, so the index is built from the plan's steps then, not
    /// paid for by every change.
    private mutating func loggedInBatch(_ key: ChangeKey) -> Int64? {
        if loggedIndex == nil {
            var index: [ChangeKey: Int64] = [:]
            for step in plan.steps { index[step.change.key] = step.logSeq }
            loggedIndex = index
        }
        return loggedIndex?[key]
    }
}
