import BillingModel

/// The names the merge gives meaning to: the row-insert marker, the tombstone column, the
/// central site, and which claim fields are coding (frozen once a claim is submitted).
///
/// The store creates its tables and columns with these names.
public enum SyncSchema {
    /// The ``Change/field`` of a row insert.
    public static let rowInsertField = "*"
    /// The tombstone column every synced table has: 0 live, 1 deleted (LWW, its own version).
    public static let deletedField = "deleted"
    /// The central node's site id, and the owner of central reference data.
    public static let centralSite = "central"

    /// The claim table.
    public static let claimTable = "claim"
    /// The service line table.
    public static let serviceLineTable = "service_line"
    /// The table of conflict records (see ``ConflictRecord``).
    public static let conflictTable = "conflict"
    /// The claim column holding ``ClaimLifecycle/rank``.
    public static let lifecycleField = "lifecycle"
    /// The service line column holding its claim's id.
    public static let claimIDField = "claim_id"
    /// The conflict column holding ``ConflictStatus`` (0 open, 1 resolved).
    public static let conflictStatusField = "status"

    /// Claim columns that are coding: they change what the payer is billed. `pos` is the
    /// store's place-of-service column; `place_of_service` is accepted as its long name.
    /// Declared in the catalogue (``SyncedTable/codingFields``).
    public static let claimCodingFields: Set<String> = {
        guard case .only(let fields)? = SyncedTable.all[claimTable]?.codingFields else { return [] }
        return fields
    }()

    /// Whether a change to `table.field` is a coding change (DESIGN §5 rule 4), as the catalogue
    /// declares it: a claim field in ``claimCodingFields``, or any field of a service line —
    /// including a line insert `*` and its `deleted` tombstone.
    public static func isCodingChange(table: String, field: String) -> Bool {
        SyncedTable.all[table]?.codingFields.contains(field) ?? false
    }

    /// Whether a claim at `lifecycle` was submitted in its current round: submitted or any later
    /// stage of the round, including a rejection (the merge freezes coding against changes
    /// made without knowing of the submission; a rejection reopens coding only through a
    /// knowing edit, which starts the next round — ``BillingModel/ClaimLifecycle/afterCodingEdit()``).
    ///
    /// Wider than ``BillingModel/ClaimLifecycle/isSubmitted``: a pre-submission edit that arrives
    /// while the claim reads "rejected" at one replica must not slip into the round, since a
    /// concurrent "accepted" at another replica outranks the rejection.
    public static func wasSubmittedInRound(_ lifecycle: ClaimLifecycle) -> Bool {
        lifecycle.stage.rawValue >= ClaimLifecycle.Stage.submitted.rawValue
    }

    /// The claim lifecycle a stored lifecycle value encodes, `nil` when it is not one.
    public static func lifecycle(of value: FieldValue) -> ClaimLifecycle? {
        guard let rank = value.integerValue, let small = Int(exactly: rank) else { return nil }
        return ClaimLifecycle(rank: small)
    }
}
