/// A claim's money derived from its facts (DESIGN §10): what the payers paid and wrote off, what
/// the patient owes by reason and has paid, and what is still expected from whom.
///
/// Rules: a reversal (CLP02 22) undoes the posting it reverses, and both leave the totals (history
/// is kept as facts, never rewritten). Paid and adjustments add up over the live postings. What
/// the patient owes is what the last live processed posting says (a secondary payer's 835 restates
/// what is left to the patient after it paid); OA 23 (effect of a prior payer) is not counted as an
/// adjustment because the prior payer's own posting already holds that money. PLB provider
/// adjustments belong to the remittance, not to a claim.
public struct ClaimMoney: Hashable, Sendable {
    /// The claim's charge.
    public let chargeCents: Int64
    /// Σ paid over live postings.
    public let paidCents: Int64
    /// Σ CO adjustments (contractual write-off).
    public let contractualAdjustmentCents: Int64
    /// Σ OA and PI adjustments (OA 23 excepted).
    public let otherAdjustmentCents: Int64
    /// What the patient owes, by reason.
    public let patientResponsibility: PatientResponsibility
    /// Σ patient payments.
    public let patientPaidCents: Int64
    /// Still expected from insurance: charge − paid − adjustments − patient responsibility (not below zero while denied).
    public let insuranceBalanceCents: Int64
    /// Still owed by the patient: responsibility − patient paid (negative is a credit).
    public let patientBalanceCents: Int64
    /// From whom the balance is expected.
    public let balanceFrom: BalanceParty
    /// The status the postings imply, nil while no live posting exists.
    public let status: ClaimMoneyStatus?
    /// Lines denied on the last live posting.
    public let deniedLines: [DeniedLine]
    /// Reasons of a whole-claim denial (CARC codes of the last live posting when it is CLP02 4).
    public let denialReasons: [String]
    /// Reversals that found no posting to undo (kept as they are, their amounts counted).
    public let unmatchedReversals: [String]

    /// What is still open on the claim: insurance balance plus patient balance.
    public var balanceCents: Int64 { insuranceBalanceCents + patientBalanceCents }
    /// Σ adjustments that are not the patient's (CO, OA, PI).
    public var adjustmentCents: Int64 { contractualAdjustmentCents + otherAdjustmentCents }
}

/// Patient responsibility split as DESIGN §10 asks (PR 1 / 2 / 3 / others).
public struct PatientResponsibility: Hashable, Sendable {
    /// PR 1.
    public let deductibleCents: Int64
    /// PR 2.
    public let coinsuranceCents: Int64
    /// PR 3.
    public let copayCents: Int64
    /// Any other PR reason.
    public let otherCents: Int64

    /// The whole patient responsibility.
    public var totalCents: Int64 { deductibleCents + coinsuranceCents + copayCents + otherCents }

    /// Nothing owed.
    public static let zero = PatientResponsibility(deductibleCents: 0, coinsuranceCents: 0, copayCents: 0, otherCents: 0)
}

/// Who the open balance is expected from.
public enum BalanceParty: String, Hashable, Sendable, Codable {
    /// Nothing is open.
    case nobody
    /// The payer (no posting yet, or a part not yet adjudicated).
    case insurance
    /// The patient.
    case patient
    /// Both.
    case both
}

/// The claim status the postings imply.
public enum ClaimMoneyStatus: String, Hashable, Sendable, Codable {
    /// Processed, nothing more expected from insurance, no line denied (a zero payment counts).
    case paid
    /// The last live posting is a denial (CLP02 4), or every line was denied.
    case denied
    /// Processed, but a line was denied or something is still expected from insurance.
    case partlyPaid = "partly_paid"
}
