/// What applying one batch of remote changes does (DESIGN §4, §5), worked out by
/// ``ApplyPlanner`` before anything is written. A backend executes it in order inside its
/// write transaction: each ``Step`` (its row write, then its log entry), then ``progress``,
/// the clock, ``reassertions`` and ``conflicts``.
public struct ApplyPlan: Hashable, Sendable {
    /// A row write of one step.
    public enum RowWrite: Hashable, Sendable {
        /// Insert a new row with `columns` (known columns only, sorted) taken from the change's row values.
        case insert(columns: [String])
        /// Set one column of an existing row.
        case update(column: String, value: FieldValue)
    }

    /// One log entry to append, with the row write (if any) that goes before it.
    public struct Step: Hashable, Sendable {
        /// The change as received.
        public var change: Change
        /// The row write, `nil` for a change merged away (logged with `applied = false`).
        public var write: RowWrite?
        /// The sequence the entry gets when the log is written in plan order from
        /// ``ApplyPlanner/Settings/nextLogSeq``.
        public var logSeq: Int64
        /// For a row insert: the keys of its values, sorted (the log keeps those).
        public var rowKeys: [String]?

        /// Whether the entry is applied (a merged-away change is logged but not applied).
        public var applied: Bool { write != nil }
        /// The field the entry names: the column of an update, else the change's own field.
        public var field: String {
            if case .update(let column, _) = write { return column }
            return change.field
        }
        /// The value the entry logs: an update's value, else the change's own.
        public var value: FieldValue {
            if case .update(_, let value) = write { return value }
            return change.value
        }
    }

    /// Row writes and log entries, in order.
    public var steps: [Step] = []
    /// Per site, the highest sequence to record as applied (never lowered by the backend).
    public var progress: [String: Int64] = [:]
    /// Re-assertions to write as the node's own changes after the steps (rule 4).
    public var reassertions: [Reassertion] = []
    /// Conflict records to insert unless present (ids are deterministic).
    public var conflicts: [ConflictRecord] = []
    /// Changes refused, with their reasons (progress does not move for them).
    public var refused: [RefusedChange] = []
    /// Site sequences of the changes held after the batch (applied, merged away, parked or
    /// duplicates), in batch order, with the log sequence of each (0 when never logged).
    public var accepted: [Int64] = []
    /// The log sequence of each entry of ``accepted``.
    public var logSeqs: [Int64] = []
    /// Changes already held (by the per-site progress, or this replica's own).
    public var duplicates = 0
    /// Changes that wrote something (not merged away).
    public var written = 0
    /// The greatest clock among the changes merged (the node's clock moves past it).
    public var maxHLC: Int64 = 0

    /// An empty plan.
    public init() {}

    /// The highest sequence of the pushing site this batch answered (accepted or refused).
    public var highestAnswered: Int64 { max(accepted.max() ?? 0, refused.lazy.map(\.seq).max() ?? 0) }

    /// The push reply once the plan is executed: `conflictsCreated` is how many of
    /// ``conflicts`` were new, `foreign` the refusals of other sites' changes
    /// (``SiteBinding/partition(_:site:)``), listed after the batch's own.
    public func response(conflictsCreated: Int, foreign: [RefusedChange] = []) -> PushResponse {
        PushResponse(applied: accepted, refused: refused + foreign, highestAppliedSeq: highestAnswered,
                     serverSeqs: logSeqs, conflictsCreated: conflictsCreated)
    }
}
