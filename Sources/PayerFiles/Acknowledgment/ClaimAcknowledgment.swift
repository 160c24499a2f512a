import BillingModel

/// A 277CA (005010X214) transaction set: the receiver's verdict on the claims of a file we sent.
public struct ClaimAcknowledgmentReport: Hashable, Sendable {
    /// ST02 of the 277CA.
    public let controlNumber: String
    /// BHT03: the receiver's reference for this report.
    public let reference: String?
    /// BHT04: when the report was made.
    public let createdDate: CalendarDate?
    /// STC at the information receiver (2200B): the verdict on the whole submission.
    public let receiverStatuses: [ClaimStatus]
    /// STC at the billing provider (2200C): a provider-level verdict, keyed by the provider's id (NM109).
    public let providerStatuses: [String: [ClaimStatus]]
    /// The claims (2200D), in file order.
    public let claims: [ClaimAcknowledgment]
}

/// What a 277CA says about one claim (2200D).
public struct ClaimAcknowledgment: Hashable, Sendable {
    /// TRN02: the patient control number, our claim number.
    public let claimNumber: String
    /// Read from the claim-level STC categories.
    public let outcome: ClaimAcknowledgmentOutcome
    /// The claim-level statuses (every STC01, STC10, STC11 composite), in order.
    public let statuses: [ClaimStatus]
    /// Statuses on service lines (2220D), in order.
    public let lineStatuses: [ClaimStatus]
    /// REF*1K: the payer's claim control number, when assigned.
    public let payerClaimControlNumber: String?
    /// REF*D9: the clearinghouse trace number, when given.
    public let clearinghouseTrace: String?
    /// STC04: the total charge the receiver saw, in cents.
    public let chargeCents: Int64?
    /// DTP*472: the claim's service dates (nil when absent or not real dates).
    public let serviceDates: ClosedRange<CalendarDate>?
    /// The billing provider the claim stood under (NM109 of 2100C).
    public let billingProviderID: String?
    /// The TRN segment's number in the file.
    public let segmentNumber: Int

    /// The rejection reasons in words (empty when accepted).
    public var rejectionReasons: [String] {
        statuses.filter { ClaimAcknowledgmentOutcome(category: $0.category) == .rejected }.map(\.description)
    }
}

/// One STC composite: category, status and entity codes, with our words for them.
public struct ClaimStatus: Hashable, Sendable, CustomStringConvertible {
    /// STC01-1: the category (`A1`, `A7`).
    public let category: String
    /// STC01-2: the status code (`21` missing or invalid information …).
    public let status: String
    /// STC01-3: the entity the status is about (`85` billing provider, `IL` subscriber …), when given.
    public let entity: String?
    /// STC02: the status date.
    public let date: CalendarDate?
    /// STC03: the action code (`WQ` accepted, `U` reject), when given.
    public let actionCode: String?
    /// Our words for category, status and entity.
    public let words: String

    /// `A7/21 (85): rejected: … ; missing or invalid information; billing provider`.
    public var description: String {
        "\(category)/\(status)" + (entity.map { " (\($0))" } ?? "") + ": " + words
    }
}

/// The verdict a 277CA gives a claim.
public enum ClaimAcknowledgmentOutcome: String, Hashable, Sendable, Codable {
    /// A1, A2 (and A0 forwarded, A5 split): the claim goes on to adjudication.
    case accepted
    /// A3, A4, A6, A7, A8: the claim was returned; the submission round ends.
    case rejected
    /// Any other category: a status that neither accepts nor rejects (pending, more information).
    case pending

    /// The outcome a category code implies.
    public init(category: String) {
        switch category {
        case "A0", "A1", "A2", "A5": self = .accepted
        case "A3", "A4", "A6", "A7", "A8": self = .rejected
        default: self = .pending
        }
    }
}
