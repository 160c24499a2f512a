/// What a person chose when resolving a conflict (`conflicts resolve ID --keep winner|loser | --value V`).
public enum ConflictResolution: Hashable, Sendable {
    /// Keep the value that won.
    case keepWinner
    /// Bring back the value that lost.
    case keepLoser
    /// Write this value instead of either.
    case value(FieldValue)

    /// `keep_winner`, `keep_loser` or `value`: what the `resolution` column records.
    public var name: String {
        switch self {
        case .keepWinner: "keep_winner"
        case .keepLoser: "keep_loser"
        case .value: "value"
        }
    }
}

/// One field write a resolution makes: an ordinary new local change.
public struct FieldWrite: Hashable, Sendable {
    /// The table.
    public var table: String
    /// The row id.
    public var row: String
    /// The row's owner.
    public var owner: String
    /// The column.
    public var field: String
    /// The value to write.
    public var value: FieldValue

    /// A write from its parts.
    public init(table: String, row: String, owner: String, field: String, value: FieldValue) {
        self.table = table
        self.row = row
        self.owner = owner
        self.field = field
        self.value = value
    }
}

/// The writes that resolve a conflict: first the conflicted row's fields, then the closing of
/// the record itself. Written as new local changes they supersede both sides everywhere.
public struct ResolutionPlan: Hashable, Sendable {
    /// Writes to the conflicted row (empty when keeping a submitted claim's coding).
    public var writes: [FieldWrite]
    /// Writes to the conflict record: `status = 1` and `resolution = <choice name>`.
    public var closing: [FieldWrite]

    /// All writes, row first, then the record.
    public var all: [FieldWrite] { writes + closing }
}

/// Why a resolution was refused.
public enum ResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The conflict is resolved already.
    case alreadyResolved(conflict: String)
    /// The losing side is a coding change to a submitted claim: it can only reach the payer
    /// through a replacement claim (frequency 7).
    case replacementClaimNeeded(conflict: String, table: String, field: String)

    public var description: String {
        switch self {
        case .alreadyResolved(let conflict):
            "conflict \(conflict) is already resolved"
        case .replacementClaimNeeded(let conflict, let table, let field):
            "conflict \(conflict): the claim is submitted, so \(table).\(field) cannot take the parked value; "
                + "create a replacement claim (frequency 7) with the corrected coding instead"
        }
    }
}

extension ConflictRecord {
    /// The writes that resolve this conflict with `choice`.
    ///
    /// - concurrent edit: the field takes the winner's, the loser's or the given value.
    /// - delete versus edit: keeping the winner keeps the row deleted; keeping the loser or a
    ///   value writes the field and restores the row (`deleted = 0`).
    /// - submitted claim: only the winner (the submitted coding) may be kept — or a value equal
    ///   to it; anything else needs a replacement claim. Keeping the winner writes nothing to
    ///   the claim: the merge already re-asserted it, and a coding write to a submitted claim
    ///   would be one more change to it. For a parked line insert the line stays deleted.
    public func resolution(_ choice: ConflictResolution) throws(ResolutionError) -> ResolutionPlan {
        guard status == .open else { throw .alreadyResolved(conflict: id) }
        let deleted = SyncSchema.deletedField
        let writes: [FieldWrite]
        switch (kind, choice) {
        case (.concurrentEdit, .keepWinner): writes = [write(field, winner.value)]
        case (.concurrentEdit, .keepLoser): writes = [write(field, loser.value)]
        case (.concurrentEdit, .value(let value)): writes = [write(field, value)]
        case (.deleteVersusEdit, .keepWinner): writes = [write(deleted, .integer(1))]
        case (.deleteVersusEdit, .keepLoser): writes = [write(field, loser.value), write(deleted, .integer(0))]
        case (.deleteVersusEdit, .value(let value)): writes = [write(field, value), write(deleted, .integer(0))]
        case (.submittedClaim, .keepWinner):
            writes = []
        case (.submittedClaim, .value(let value)) where field != SyncSchema.rowInsertField && value == winner.value:
            writes = []
        case (.submittedClaim, _):
            throw .replacementClaimNeeded(conflict: id, table: table, field: field)
        }
        let closing = [
            FieldWrite(table: SyncSchema.conflictTable, row: id, owner: owner,
                       field: SyncSchema.conflictStatusField, value: .integer(Int64(ConflictStatus.resolved.rawValue))),
            FieldWrite(table: SyncSchema.conflictTable, row: id, owner: owner,
                       field: Column.resolution, value: .text(choice.name)),
        ]
        return ResolutionPlan(writes: writes, closing: closing)
    }

    private func write(_ field: String, _ value: FieldValue) -> FieldWrite {
        FieldWrite(table: table, row: row, owner: owner, field: field, value: value)
    }
}
