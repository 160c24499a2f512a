import BillingModel

/// The merge (DESIGN §5): one pure function family, the same at the central node and at
/// every clinic, so replicas converge whatever the order and repetition of deliveries.
///
/// Call it for each incoming change that is not a duplicate (filter those first by the
/// per-site highest sequence), after observing the change's clock. Rules:
/// - R1 last writer wins: the greater ``Version`` wins.
/// - R2 concurrent edit: when the values differ and the losing write was not seen by the
///   winning one, the loser is kept in a ``ConflictKind/concurrentEdit`` record.
/// - R3 maximum fields (``MergePolicy/maximum``) take the greater value, then the greater
///   version; no conflict. Lifecycle never moves backward.
/// - R4 a coding change (``SyncSchema/isCodingChange(table:field:)``) that would win, made
///   by a site that had not seen the claim's lifecycle, while the claim was submitted in its
///   round (``SyncSchema/wasSubmittedInRound(_:)``: submitted or later, rejection included),
///   is parked (``MergeDecision/Outcome/parked``) in a ``ConflictKind/submittedClaim``
///   record, and the replica re-asserts its value (``Reassertion``). A re-assertion is not
///   parked where the claim is in the round it protects. A change that loses by R1 changes
///   nothing, so it goes by R2 only (both replicas then agree on the record's kind).
/// - R5 tombstones: a deletion applied over fields it had not seen, or an edit applied to a
///   row whose tombstone it had not seen, keeps the edit in a
///   ``ConflictKind/deleteVersusEdit`` record; the edit is applied anyway (the row stays
///   deleted). Both delivery orders give the same record.
public enum Merge {
    /// Merges one incoming field change (not a row insert) into the current state of its field.
    ///
    /// - Parameters:
    ///   - current: this replica's state of the field, `nil` when it has none.
    ///   - incoming: the change, with ``Change/serverSeq`` set when the central node logged it.
    ///   - policy: the field's merge policy (see ``MergePolicy/for(table:field:)``).
    ///   - context: the row around the field (tombstone, other fields, claim lifecycle).
    public static func field(current: FieldState?, incoming: Change, policy: MergePolicy,
                             context: RowContext) -> MergeDecision {
        precondition(!incoming.isRowInsert, "merge a row insert with Merge.row")
        switch policy {
        case .maximum:
            return maximum(current: current, incoming: incoming)
        case .lastWriterWins:
            return lastWriterWins(current: current, incoming: incoming, context: context)
        case .silentLastWriterWins:
            let wins = current.map { incoming.version > $0.version } ?? true
            return MergeDecision(outcome: wins ? .applied : .ignored)
        }
    }

    /// ``field(current:incoming:policy:context:)`` with the field's default policy.
    public static func field(current: FieldState?, incoming: Change, context: RowContext) -> MergeDecision {
        field(current: current, incoming: incoming,
              policy: .for(table: incoming.table, field: incoming.field), context: context)
    }

    /// R3: the greatest value, then the greatest version.
    static func maximum(current: FieldState?, incoming: Change) -> MergeDecision {
        guard let current else { return MergeDecision(outcome: .applied) }
        let wins = incoming.value > current.value
            || (incoming.value == current.value && incoming.version > current.version)
        return MergeDecision(outcome: wins ? .applied : .ignored)
    }

    /// R1, R2, R4 and R5 for a last-writer-wins field.
    static func lastWriterWins(current: FieldState?, incoming: Change, context: RowContext) -> MergeDecision {
        if let current, incoming.version <= current.version {
            // R1 loser. In the star a non-duplicate loser was not seen by the current writer;
            // the causal check only guards against replays.
            guard incoming.version != current.version, incoming.value != current.value,
                  !Causality.saw(current, incoming) else { return MergeDecision(outcome: .ignored) }
            let conflict = ConflictRecord(
                kind: .concurrentEdit, change: incoming, field: incoming.field,
                winner: .init(value: current.value, version: current.version),
                loser: .init(value: incoming.value, version: incoming.version))
            return MergeDecision(outcome: .ignored, conflicts: [conflict])
        }
        if let parked = park(current: current, incoming: incoming, context: context) { return parked }
        var conflicts: [ConflictRecord] = []
        if let current, current.value != incoming.value, !Causality.saw(incoming, current) {
            conflicts.append(ConflictRecord(
                kind: .concurrentEdit, change: incoming, field: incoming.field,
                winner: .init(value: incoming.value, version: incoming.version),
                loser: .init(value: current.value, version: current.version)))
        }
        conflicts += editOfDeletedRow(incoming, context: context)
        if incoming.isDeletion { conflicts += deletionOverEdits(incoming, context: context) }
        return MergeDecision(outcome: .applied, conflicts: conflicts)
    }

    /// R4 for a field change that would win: the parked decision, or `nil` to go on.
    static func park(current: FieldState?, incoming: Change, context: RowContext) -> MergeDecision? {
        let currentValue = current?.value ?? .null
        guard currentValue != incoming.value,
              let lifecycle = unseenSubmission(of: incoming, context: context) else { return nil }
        let conflict = ConflictRecord(
            kind: .submittedClaim, change: incoming, field: incoming.field,
            winner: .init(value: currentValue, version: current?.version),
            loser: .init(value: incoming.value, version: incoming.version),
            submitted: lifecycle)
        let reassertion = Reassertion(table: incoming.table, row: incoming.row, owner: incoming.owner,
                                      field: incoming.field, value: currentValue, replaces: incoming.version,
                                      lifecycle: lifecycle)
        return MergeDecision(outcome: .parked, conflicts: [conflict], reassertion: reassertion)
    }

    /// The submitted claim lifecycle a coding change's writer had not seen (rule 4), or `nil`
    /// when the change may go ahead: not a coding change, the claim was not submitted in its
    /// round (``SyncSchema/wasSubmittedInRound(_:)``), the change's site set the lifecycle or had seen it, or the change re-asserts a
    /// submission of this round (or a later one).
    static func unseenSubmission(of incoming: Change, context: RowContext) -> ClaimLifecycle? {
        guard SyncSchema.isCodingChange(table: incoming.table, field: incoming.field),
              let state = context.claimLifecycle,
              let lifecycle = SyncSchema.lifecycle(of: state.value),
              SyncSchema.wasSubmittedInRound(lifecycle) else { return nil }
        if let rank = incoming.reassertedLifecycle, let protected = SyncSchema.lifecycle(of: .integer(rank)),
           protected.round >= lifecycle.round { return nil }
        guard state.version.site != incoming.version.site, !Causality.saw(incoming, state) else { return nil }
        return lifecycle
    }

    /// R5, edit side: an edit applied to a row whose tombstone it had not seen.
    static func editOfDeletedRow(_ edit: Change, context: RowContext) -> [ConflictRecord] {
        guard edit.field != SyncSchema.deletedField, let tombstone = context.tombstone,
              context.isDeleted, Causality.concurrent(edit, tombstone) else { return [] }
        return [ConflictRecord(
            kind: .deleteVersusEdit, change: edit, field: edit.field,
            winner: .init(value: tombstone.value, version: tombstone.version),
            loser: .init(value: edit.value, version: edit.version))]
    }

    /// R5, deletion side: every field the deletion had not seen keeps its edit in a record.
    static func deletionOverEdits(_ deletion: Change, context: RowContext) -> [ConflictRecord] {
        context.otherFields.keys.sorted().compactMap { field in
            guard field != SyncSchema.deletedField, let state = context.otherFields[field],
                  Causality.concurrent(deletion, state) else { return nil }
            return ConflictRecord(
                kind: .deleteVersusEdit, change: deletion, field: field,
                winner: .init(value: deletion.value, version: deletion.version),
                loser: .init(value: state.value, version: state.version))
        }
    }
}
