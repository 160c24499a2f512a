/// A list of payer codes with short descriptions: CARC, RARC, 277 claim status or category.
///
/// The bundled lists hold the common codes in our own words (the official wording is
/// maintained by X12); an office that holds the full list imports it with
/// ``PayerCodeListFile`` and ``merging(_:)``.
public struct PayerCodeList: Hashable, Sendable {
    /// Which list this is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Claim adjustment reason codes (CAS02 …).
        case adjustmentReason = "carc"
        /// Remittance advice remark codes (MOA, LQ).
        case remark = "rarc"
        /// 277 claim status codes (STC01-2).
        case claimStatus = "claim-status"
        /// 277 claim status category codes (STC01-1).
        case claimStatusCategory = "claim-status-category"
        /// Entity identifier codes (STC01-3).
        case entity = "entity"
    }

    /// Which list.
    public let kind: Kind
    /// Code → description.
    public let descriptions: [String: String]

    /// A list as given.
    public init(kind: Kind, descriptions: [String: String]) {
        self.kind = kind
        self.descriptions = descriptions
    }

    /// The description of `code`, nil when the list does not hold it.
    public func description(of code: String) -> String? { descriptions[code] }

    /// This list with `other`'s entries added; where both hold a code, `other` (the office's import) wins.
    public func merging(_ other: PayerCodeList) -> PayerCodeList {
        PayerCodeList(kind: kind, descriptions: descriptions.merging(other.descriptions) { _, imported in imported })
    }
}
