import BillingModel

/// The first form of the re-assertion marker, a plain flag, kept so callers written against it
/// still build. A flag cannot say which round it protects, so a flagged change is treated as
/// protecting every round: it is never parked, not even by a claim resubmitted in a later
/// round the re-asserting site had not seen. Store ``Change/reassertedLifecycle`` instead
/// (an integer lifecycle rank; NULL, or 0, for ordinary changes).
extension Change {
    /// The rank a legacy `reassertion: true` stands for: submitted, in the last round there is.
    public static let legacyReassertionRank = Int64(ClaimLifecycle(round: Int(Int32.max), stage: .submitted).rank)

    /// Whether this is a re-assertion.
    @available(*, deprecated, renamed: "isReassertion", message: "store reassertedLifecycle, the rank it protects")
    public var reassertion: Bool { isReassertion }

    /// A change from all its parts, with the re-assertion marker as a flag.
    @available(*, deprecated, message: "pass reassertedLifecycle: the submitted lifecycle rank the re-assertion protects")
    public init(table: String, row: String, owner: String, field: String, value: FieldValue = .null,
                rowValues: [String: FieldValue] = [:], version: Version, replaced: Version? = nil,
                observed: Int64, serverSeq: Int64? = nil, author: String? = nil, reassertion: Bool) {
        self.init(table: table, row: row, owner: owner, field: field, value: value, rowValues: rowValues,
                  version: version, replaced: replaced, observed: observed, serverSeq: serverSeq, author: author,
                  reassertedLifecycle: reassertion ? Self.legacyReassertionRank : nil)
    }
}
