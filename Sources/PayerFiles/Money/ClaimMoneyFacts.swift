/// The facts a claim's money is derived from (DESIGN §10 "Claim money"): its charge, the
/// payer postings in the order they were posted, and what the patient paid.
public struct ClaimMoneyFacts: Hashable, Sendable {
    /// The claim's total charge, in cents.
    public var chargeCents: Int64
    /// Payer postings (one per CLP), oldest first.
    public var postings: [PaymentPosting]
    /// Payments (and refunds, negative) the patient made, in cents.
    public var patientPayments: [Int64]

    /// Facts as given.
    public init(chargeCents: Int64, postings: [PaymentPosting] = [], patientPayments: [Int64] = []) {
        self.chargeCents = chargeCents
        self.postings = postings
        self.patientPayments = patientPayments
    }
}

/// One payer posting on a claim: what one CLP said, kept as an append-only fact.
public struct PaymentPosting: Hashable, Sendable {
    /// The posting's id (unique per claim).
    public var id: String
    /// CLP02 as mapped.
    public var status: ClaimPaymentStatus
    /// CLP02 as sent (the payer's rank: 1 primary, 2 secondary …).
    public var statusCode: String
    /// CLP07, when given: a reversal undoes the posting with the same payer claim control number.
    public var payerClaimControlNumber: String?
    /// CLP04, in cents.
    public var paidCents: Int64
    /// Claim- and line-level adjustments together.
    public var adjustments: [Adjustment]
    /// Lines the payer denied (nothing paid, not the patient's to pay), with their reasons.
    public var deniedLines: [DeniedLine]
    /// For a reversal: the id of the posting it undoes, when known; otherwise it undoes the
    /// latest live posting with the same payer claim control number (or the latest live one).
    public var reverses: String?

    /// A posting as given.
    public init(id: String, status: ClaimPaymentStatus, statusCode: String, payerClaimControlNumber: String? = nil,
                paidCents: Int64, adjustments: [Adjustment], deniedLines: [DeniedLine] = [], reverses: String? = nil) {
        self.id = id
        self.status = status
        self.statusCode = statusCode
        self.payerClaimControlNumber = payerClaimControlNumber
        self.paidCents = paidCents
        self.adjustments = adjustments
        self.deniedLines = deniedLines
        self.reverses = reverses
    }

    /// The posting an 835's claim payment makes.
    public init(id: String, _ payment: ClaimPayment) {
        self.init(id: id, status: payment.status, statusCode: payment.statusCode,
                  payerClaimControlNumber: payment.payerClaimControlNumber, paidCents: payment.paidCents,
                  adjustments: payment.allAdjustments,
                  deniedLines: payment.lines.filter(\.isDenied).map {
                      DeniedLine(procedureCode: $0.procedureCode, modifiers: $0.modifiers, chargeCents: $0.chargeCents,
                                 reasons: $0.adjustments.map(\.reason))
                  })
    }
}

/// A service line the payer denied.
public struct DeniedLine: Hashable, Sendable {
    /// The line's procedure code.
    public var procedureCode: String
    /// Its modifiers.
    public var modifiers: [String]
    /// Its charge, in cents.
    public var chargeCents: Int64
    /// The CARC reason codes given.
    public var reasons: [String]

    /// A denied line as given.
    public init(procedureCode: String, modifiers: [String] = [], chargeCents: Int64, reasons: [String]) {
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.chargeCents = chargeCents
        self.reasons = reasons
    }
}
