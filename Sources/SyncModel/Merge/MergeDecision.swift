import BillingModel

/// What a replica does with one incoming field change.
public struct MergeDecision: Hashable, Sendable {
    /// What happens to the field.
    public enum Outcome: String, Hashable, Sendable {
        /// Write the incoming value and its version metadata (``FieldState/init(applying:)``).
        case applied
        /// Keep the current state: the incoming change is older (or is the current write again).
        case ignored
        /// Not applied: a coding edit of a submitted claim its writer did not know about
        /// (rule 4). See ``MergeDecision/reassertion``.
        case parked
    }

    /// What happens to the field.
    public var outcome: Outcome
    /// Conflict records to store (insert each one unless a row with its ``ConflictRecord/id``
    /// exists already; the id is the same at every replica).
    public var conflicts: [ConflictRecord]
    /// For a parked change: the local change to write right after, so the site that made the
    /// parked edit converges back to the submitted value.
    public var reassertion: Reassertion?

    /// A decision from its parts.
    public init(outcome: Outcome, conflicts: [ConflictRecord] = [], reassertion: Reassertion? = nil) {
        self.outcome = outcome
        self.conflicts = conflicts
        self.reassertion = reassertion
    }

    /// Whether to write the incoming value.
    public var apply: Bool { outcome == .applied }
}

/// A local change a replica must write after parking an incoming change (rule 4): it sets
/// ``field`` back to ``value`` with a new version, replacing the parked change's version, and
/// carries the submitted ``lifecycle`` it protects (``Change/reassertedLifecycle``), so that no
/// replica parks it while the claim is in that round. Should the claim be resubmitted in a
/// later round meanwhile, the re-assertion is a coding change like any other there.
///
/// For a parked line insert the row is inserted and the re-assertion tombstones it
/// (`deleted = 1`).
public struct Reassertion: Hashable, Sendable {
    /// The table.
    public var table: String
    /// The row id.
    public var row: String
    /// The row's owner.
    public var owner: String
    /// The field to write.
    public var field: String
    /// The value to write: the replica's current value (or 1 for a line tombstone).
    public var value: FieldValue
    /// The parked change's version; becomes the new change's ``Change/replaced``.
    public var replaces: Version
    /// The submitted lifecycle the parking replica held.
    public var lifecycle: ClaimLifecycle

    /// A re-assertion from its parts.
    public init(table: String, row: String, owner: String, field: String, value: FieldValue, replaces: Version,
                lifecycle: ClaimLifecycle) {
        self.table = table
        self.row = row
        self.owner = owner
        self.field = field
        self.value = value
        self.replaces = replaces
        self.lifecycle = lifecycle
    }

    /// The local change to write, stamped with a fresh local `version` (tick the clock after
    /// observing the parked change) and the replica's `observed` cursor or log head.
    public func change(version: Version, observed: Int64, author: String? = nil) -> Change {
        Change(table: table, row: row, owner: owner, field: field, value: value, version: version,
               replaced: replaces, observed: observed, author: author,
               reassertedLifecycle: Int64(lifecycle.rank))
    }
}
