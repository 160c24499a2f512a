import BillingModel
import SyncModel

/// A table and a row id.
struct RowKey: Hashable, Comparable, CustomStringConvertible {
    var table: String
    var row: String

    static func < (a: RowKey, b: RowKey) -> Bool { (a.table, a.row) < (b.table, b.row) }
    var description: String { "\(table)/\(row)" }
}

/// A row held by a replica: its owner and its field states.
struct SimRow: Equatable {
    var owner: String
    var fields: [String: FieldState]
}

/// One replica of the star, in memory: rows of field states, a clock, a sequence, and either
/// a clinic's outbox and pull cursor or the central node's log. It uses only SyncModel's
/// public API, the way the store does.
struct SimReplica {
    let site: String
    var isCentral: Bool { site == SyncSchema.centralSite }
    var clock = HybridLogicalClock()
    /// This machine's wall clock error, in milliseconds.
    let clockOffset: Int64
    var nextSeq: Int64 = 1
    var rows: [RowKey: SimRow] = [:]
    /// Per writing site, the highest sequence merged here (the duplicate filter).
    var highestSeq: [String: Int64] = [:]
    /// Every change written here (by a person or by the merge), in order.
    var localWrites: [Change] = []
    /// Invariant breaches noticed while running (e.g. a maximum field moving backward).
    var violations: [String] = []

    // Clinic side.
    var cursor: Int64 = 0
    var outbox: [Change] = []

    // Central side.
    var log: [Change] = []
    var serverSeqByKey: [ChangeKey: Int64] = [:]

    init(site: String, clockOffset: Int64) {
        self.site = site
        self.clockOffset = clockOffset
    }

    /// The central log head, or the clinic's pull cursor: what a new local change has observed.
    var observedNow: Int64 { isCentral ? Int64(log.count) : cursor }

    func state(_ key: RowKey, _ field: String) -> FieldState? { rows[key]?.fields[field] }

    func value(_ key: RowKey, _ field: String) -> FieldValue? { state(key, field)?.value }

    /// The lifecycle of the claim a claim or line row belongs to.
    func lifecycleState(of key: RowKey, insertValues: [String: FieldValue] = [:]) -> FieldState? {
        switch key.table {
        case SyncSchema.claimTable:
            return state(key, SyncSchema.lifecycleField)
        case SyncSchema.serviceLineTable:
            guard let claim = (value(key, SyncSchema.claimIDField) ?? insertValues[SyncSchema.claimIDField])?.textValue
            else { return nil }
            return state(RowKey(table: SyncSchema.claimTable, row: claim), SyncSchema.lifecycleField)
        default:
            return nil
        }
    }

    func lifecycle(of key: RowKey) -> ClaimLifecycle? {
        lifecycleState(of: key).flatMap { SyncSchema.lifecycle(of: $0.value) }
    }

    // MARK: Local writes

    private mutating func stamp(now: Int64) -> Version {
        defer { nextSeq += 1 }
        return Version(hlc: clock.tick(nowMillis: now + clockOffset), site: site, seq: nextSeq)
    }

    /// Writes one field here as a new local change.
    @discardableResult
    mutating func write(_ key: RowKey, owner: String, field: String, value: FieldValue, now: Int64) -> Change {
        var change = Change.field(table: key.table, row: key.row, owner: owner, field: field, value: value,
                                  version: stamp(now: now), replaced: state(key, field)?.version,
                                  observed: observedNow, author: "user@\(site)")
        commit(&change)
        return change
    }

    /// Writes the local change a parked incoming change calls for.
    mutating func reassert(_ reassertion: Reassertion, now: Int64) {
        var change = reassertion.change(version: stamp(now: now), observed: observedNow)
        commit(&change)
    }

    /// Inserts a row here as a new local change.
    @discardableResult
    mutating func insert(_ key: RowKey, owner: String, values: [String: FieldValue], now: Int64) -> Change {
        var change = Change.insert(table: key.table, row: key.row, owner: owner, values: values,
                                   version: stamp(now: now), observed: observedNow, author: "user@\(site)")
        commit(&change)
        return change
    }

    private mutating func commit(_ change: inout Change) {
        if isCentral {
            change.serverSeq = Int64(log.count) + 1
            log.append(change)
            serverSeqByKey[change.key] = change.serverSeq
        } else {
            outbox.append(change)
        }
        localWrites.append(change)
        let key = RowKey(table: change.table, row: change.row)
        if change.isRowInsert {
            for column in change.rowValues.keys { set(key, owner: change.owner, column, FieldState(applying: change, column: column)) }
        } else {
            set(key, owner: change.owner, change.field, FieldState(applying: change))
        }
    }

    private mutating func set(_ key: RowKey, owner: String, _ field: String, _ state: FieldState) {
        if MergePolicy.for(table: key.table, field: field) == .maximum, let old = rows[key]?.fields[field],
           state.value < old.value {
            violations.append("\(site): \(key).\(field) moved backward from \(old.value) to \(state.value)")
        }
        rows[key, default: SimRow(owner: owner, fields: [:])].fields[field] = state
    }

    // MARK: Merging received changes

    /// Merges one received, non-duplicate change and writes what the decision asks for.
    /// Returns how many conflict records were created here.
    @discardableResult
    mutating func receive(_ change: Change, now: Int64) -> Int {
        clock.observe(change.version.hlc)
        let key = RowKey(table: change.table, row: change.row)
        let fields = rows[key]?.fields ?? [:]
        let lifecycle = lifecycleState(of: key, insertValues: change.rowValues)
        var conflicts: [ConflictRecord] = []
        var reassertions: [Reassertion] = []
        if change.isRowInsert {
            let decision = Merge.row(current: fields, incoming: change, context: RowContext(claimLifecycle: lifecycle))
            for column in decision.appliedFields {
                set(key, owner: change.owner, column, FieldState(applying: change, column: column))
            }
            conflicts = decision.conflicts
            reassertions = decision.reassertions
        } else {
            let context = RowContext(row: fields, merging: change.field, claimLifecycle: lifecycle)
            let decision = Merge.field(current: fields[change.field], incoming: change, context: context)
            if decision.apply { set(key, owner: change.owner, change.field, FieldState(applying: change)) }
            conflicts = decision.conflicts
            reassertions = decision.reassertion.map { [$0] } ?? []
        }
        var created = 0
        for conflict in conflicts where rows[RowKey(table: SyncSchema.conflictTable, row: conflict.id)] == nil {
            insert(RowKey(table: SyncSchema.conflictTable, row: conflict.id), owner: conflict.owner,
                   values: conflict.rowValues, now: now)
            created += 1
        }
        for reassertion in reassertions { reassert(reassertion, now: now) }
        return created
    }

    /// Every conflict record held here, decoded.
    func conflictRecords() throws -> [ConflictRecord] {
        try rows.filter { $0.key.table == SyncSchema.conflictTable }.sorted { $0.key < $1.key }.map { key, row in
            try ConflictRecord(id: key.row, rowValues: row.fields.mapValues(\.value))
        }
    }
}
