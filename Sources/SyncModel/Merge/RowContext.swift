/// What the merge needs to know about the row around the field it merges.
///
/// The store fills in only what applies: ``tombstone`` always (when the row has one),
/// ``otherFields`` when the incoming change is a deletion (``Change/isDeletion``), and
/// ``claimLifecycle`` for rows of `claim` and `service_line`.
public struct RowContext: Hashable, Sendable {
    /// The row's `deleted` field state here, if any.
    public var tombstone: FieldState?
    /// The row's other field states here (not `deleted`, not the merged field); read only
    /// when the incoming change tombstones the row (DESIGN §5 rule 5).
    public var otherFields: [String: FieldState]
    /// The `lifecycle` field state of the claim the row belongs to — the claim itself, or the
    /// claim of a service line — when the row is a claim or a service line.
    public var claimLifecycle: FieldState?

    /// A context from its parts; the default knows nothing about the row.
    public init(tombstone: FieldState? = nil, otherFields: [String: FieldState] = [:],
                claimLifecycle: FieldState? = nil) {
        self.tombstone = tombstone
        self.otherFields = otherFields
        self.claimLifecycle = claimLifecycle
    }

    /// The context for merging `field` from all field states of its row.
    public init(row: [String: FieldState], merging field: String, claimLifecycle: FieldState? = nil) {
        var others = row
        others[field] = nil
        others[SyncSchema.deletedField] = nil
        self.init(tombstone: row[SyncSchema.deletedField], otherFields: others, claimLifecycle: claimLifecycle)
    }

    /// Whether the row is tombstoned here.
    public var isDeleted: Bool { tombstone?.value == .integer(1) }
}
