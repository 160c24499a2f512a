import BillingModel


extension SyncedTable {
    /// Where a column that holds another synced row's id points (DESIGN §4 "A hostile clinic").
    public enum Reference: Hashable, Sendable {
        /// A row of `table`; `allowsCentral` when central reference data may be named too
        /// (a claim's payer may be one of the central office's shared payers).
        case row(table: String, allowsCentral: Bool)
        /// A row of the table the row's own `column` names (a conflict record's `row_id`,
        /// whose table is its `tbl`).
        case rowOfTableIn(column: String)
    }

    /// Column → what it points at, for every column of this table that holds a row id.
    public var references: [String: Reference] { Self.referenceCatalogue[name] ?? [:] }

    /// The reference columns of every synced table, declared once for both central backends.
    static let referenceCatalogue: [String: [String: Reference]] = [
        "claim": ["patient_id": .row(table: "patient", allowsCentral: false),
                  "payer_id": .row(table: "payer", allowsCentral: true),
                  "original_claim_id": .row(table: "claim", allowsCentral: false)],
        "service_line": ["claim_id": .row(table: "claim", allowsCentral: false)],
        "conflict": ["row_id": .rowOfTableIn(column: "tbl")],
    ]

    /// The longest row id, reference, site id or clinic id a push may carry.
    public static let maxIDLength = 64
    /// The longest site id a push may carry.
    public static let maxSiteLength = 128
    /// The longest author a change may carry.
    public static let maxAuthorLength = 200
    /// The highest claim lifecycle rank a change may carry (round 1000).
    public static let maxLifecycleRank = 16 * 1_000 + 15

    /// Why `value` is not one of the values an enumerated column allows, or `nil` when it is
    /// (or the column is not enumerated): conflict `kind`, `status`, `tbl`, claim `lifecycle`
    /// and `frequency`, every `deleted` flag.
    public func enumerationProblem(column: String, value: FieldValue) -> String? {
        if case .null = value { return nil }
        let allowed: Bool
        switch (name, column) {
        case (_, SyncSchema.deletedField):
            allowed = value == .integer(0) || value == .integer(1)
        case (SyncSchema.conflictTable, "kind"):
            allowed = value.textValue.flatMap(ConflictKind.init(rawValue:)) != nil
        case (SyncSchema.conflictTable, SyncSchema.conflictStatusField):
            allowed = value.integerValue.flatMap { Int(exactly: $0) }.flatMap(ConflictStatus.init(rawValue:)) != nil
        case (SyncSchema.conflictTable, "tbl"):
            allowed = value.textValue.map { Self.all[$0] != nil } ?? false
        case (SyncSchema.claimTable, SyncSchema.lifecycleField):
            allowed = value.integerValue.map { $0 <= Self.maxLifecycleRank } == true
                && SyncSchema.lifecycle(of: value) != nil
        case (SyncSchema.claimTable, "frequency"):
            allowed = ["1", "7", "8"].contains(value.textValue ?? "")
        default:
            allowed = true
        }
        return allowed ? nil : "\(name).\(column) is not one of its allowed values"
    }

    /// Whether a conflict record may name `field` of this table: a known column other than
    /// `id` and `owner`, or `*` (a whole row insert that was parked).
    public func conflictMayName(field: String) -> Bool {
        field == SyncSchema.rowInsertField || (field != "id" && field != "owner" && columns[field] != nil)
    }
}
