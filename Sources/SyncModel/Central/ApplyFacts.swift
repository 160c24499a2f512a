/// What a backend holds that planning a batch needs (DESIGN §4, §5): the per-site progress,
/// the owners and field states of the rows the batch names, and where earlier deliveries were
/// logged. ``ApplyPlanner`` asks; a backend answers from its own state as it stood before the
/// batch (the planner's overlay covers what the batch itself changes).
///
/// The SQLite node answers lazily with its cached statements; PostgreSQL prefetches into
/// ``PrefetchedFacts`` in a few multi-row queries.
public protocol ApplyFacts {
    /// The highest sequence of `site` this replica has applied (0 when none).
    mutating func progress(of site: String) throws -> Int64
    /// The owner of a synced row, `nil` when the replica has no such row.
    mutating func owner(of row: PushScreen.RowKey) throws -> String?
    /// Each field's current value and version (``FieldState``); empty when there is no such row.
    mutating func states(of row: PushScreen.RowKey) throws -> [String: FieldState]
    /// The log sequence of a change applied here before (the latest, when it was logged more
    /// than once), `nil` when it was never logged.
    mutating func loggedSeq(of change: ChangeKey) throws -> Int64?
}

/// ``ApplyFacts`` read ahead into dictionaries. A question it cannot answer is recorded in
/// ``missing`` and answered as "nothing there": a backend that prefetched too little fetches
/// ``missing`` and plans again (``ApplyPlanner/plan(_:facts:fetch:)`` does this loop).
public struct PrefetchedFacts: ApplyFacts, Sendable {
    /// Per-site progress.
    public var progress: [String: Int64] = [:]
    /// Owner by row; a row known to be absent maps to `nil`.
    public var owners: [PushScreen.RowKey: String?] = [:]
    /// Field states by row (only rows that exist need an entry).
    public var states: [PushScreen.RowKey: [String: FieldState]] = [:]
    /// Log sequences of changes applied before; a change known never logged maps to `nil`.
    public var loggedSeqs: [ChangeKey: Int64?] = [:]
    /// What was asked and not prefetched.
    public private(set) var missing = Missing()

    /// The questions a prefetch left open.
    public struct Missing: Hashable, Sendable {
        /// Sites whose progress is unknown.
        public var sites: Set<String> = []
        /// Rows whose owner is unknown.
        public var owners: Set<PushScreen.RowKey> = []
        /// Existing rows whose states are unknown.
        public var states: Set<PushScreen.RowKey> = []
        /// Changes whose logged sequence is unknown.
        public var logged: Set<ChangeKey> = []

        /// Nothing missing (yet).
        public init() {}

        /// Whether nothing is missing.
        public var isEmpty: Bool { sites.isEmpty && owners.isEmpty && states.isEmpty && logged.isEmpty }
    }

    /// Empty facts, to be filled in by a backend (or a test).
    public init() {}

    /// Facts from their parts.
    public init(progress: [String: Int64], owners: [PushScreen.RowKey: String?],
                states: [PushScreen.RowKey: [String: FieldState]] = [:], loggedSeqs: [ChangeKey: Int64?] = [:]) {
        self.progress = progress
        self.owners = owners
        self.states = states
        self.loggedSeqs = loggedSeqs
    }

    /// Forgets what was missing (before planning again).
    public mutating func clearMissing() { missing = Missing() }

    public mutating func progress(of site: String) -> Int64 {
        if let known = progress[site] { return known }
        missing.sites.insert(site)
        return 0
    }

    public mutating func owner(of row: PushScreen.RowKey) -> String? {
        if let known = owners[row] { return known }
        missing.owners.insert(row)
        return nil
    }

    public mutating func states(of row: PushScreen.RowKey) -> [String: FieldState] {
        if let known = states[row] { return known }
        if owners[row] == .some(nil) { return [:] }
        missing.states.insert(row)
        return [:]
    }

    public mutating func loggedSeq(of change: ChangeKey) -> Int64? {
        if let known = loggedSeqs[change] { return known }
        missing.logged.insert(change)
        return nil
    }
}
