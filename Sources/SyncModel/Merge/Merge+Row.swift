/// What a replica does with one incoming row insert.
public struct RowMergeDecision: Hashable, Sendable {
    /// The columns to write with the insert's values and version
    /// (``FieldState/init(applying:column:)``), sorted.
    public var appliedFields: [String]
    /// Conflict records to store.
    public var conflicts: [ConflictRecord]
    /// Local changes to write right after (a tombstone for a parked line insert, or per-field
    /// re-assertions when the row existed).
    public var reassertions: [Reassertion]
    /// Whether the insert was parked (a line added to a submitted claim its writer did not
    /// know was submitted): the row is inserted and at once tombstoned by the re-assertion.
    public var parked: Bool

    /// A decision from its parts.
    public init(appliedFields: [String], conflicts: [ConflictRecord] = [], reassertions: [Reassertion] = [],
                parked: Bool = false) {
        self.appliedFields = appliedFields
        self.conflicts = conflicts
        self.reassertions = reassertions
        self.parked = parked
    }
}

extension Merge {
    /// Merges a row insert (`field == "*"`).
    ///
    /// A new row takes every column. A line insert into a submitted claim its writer had not
    /// seen submitted is parked: the row is inserted (so nothing typed is lost) and tombstoned
    /// by a re-assertion, with a ``ConflictKind/submittedClaim`` record on field `*`. A row
    /// that exists already (only possible with deterministic ids, e.g. conflict records)
    /// merges column by column as field changes with the insert's version.
    ///
    /// - Parameters:
    ///   - current: this replica's field states of the row; empty when it has no such row.
    ///   - incoming: the insert.
    ///   - context: for a service line, the claim's lifecycle state (the other members are
    ///     taken from `current`).
    ///   - policy: the policy of a column (the overload without it uses ``MergePolicy/for(table:field:)``).
    public static func row(current: [String: FieldState], incoming: Change, context: RowContext = RowContext(),
                           policy: (String) -> MergePolicy) -> RowMergeDecision {
        precondition(incoming.isRowInsert, "merge a field change with Merge.field")
        guard current.isEmpty else {
            return existingRow(current: current, incoming: incoming, context: context, policy: policy)
        }
        let columns = incoming.rowValues.keys.sorted()
        guard let lifecycle = unseenSubmission(of: incoming, context: context) else {
            return RowMergeDecision(appliedFields: columns)
        }
        let conflict = ConflictRecord(
            kind: .submittedClaim, change: incoming, field: SyncSchema.rowInsertField,
            winner: .init(value: .null, version: nil),
            loser: .init(value: ConflictRecord.canonicalText(of: incoming.rowValues), version: incoming.version),
            submitted: lifecycle)
        let tombstone = Reassertion(table: incoming.table, row: incoming.row, owner: incoming.owner,
                                    field: SyncSchema.deletedField, value: .integer(1), replaces: incoming.version,
                                    lifecycle: lifecycle)
        return RowMergeDecision(appliedFields: columns, conflicts: [conflict], reassertions: [tombstone], parked: true)
    }

    /// ``row(current:incoming:context:policy:)`` with the default policy of every column.
    public static func row(current: [String: FieldState], incoming: Change, context: RowContext = RowContext())
        -> RowMergeDecision {
        row(current: current, incoming: incoming, context: context) {
            MergePolicy.for(table: incoming.table, field: $0)
        }
    }

    /// An insert over a row that exists: each column as a field change.
    private static func existingRow(current: [String: FieldState], incoming: Change,
                                    context: RowContext, policy: (String) -> MergePolicy) -> RowMergeDecision {
        var result = RowMergeDecision(appliedFields: [])
        for change in incoming.fieldChanges {
            let fieldContext = RowContext(row: current, merging: change.field, claimLifecycle: context.claimLifecycle)
            let decision = field(current: current[change.field], incoming: change,
                                 policy: policy(change.field), context: fieldContext)
            if decision.apply { result.appliedFields.append(change.field) }
            result.conflicts += decision.conflicts
            if let reassertion = decision.reassertion { result.reassertions.append(reassertion) }
        }
        return result
    }
}
