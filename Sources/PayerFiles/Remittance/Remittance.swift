import BillingModel

/// One 835 transaction set (005010X221A1) as values: the payment, who paid whom, every claim
/// and every provider-level adjustment, all money in integer cents.
public struct Remittance: Hashable, Sendable {
    /// BPR01: `C` payment with remittance, `I` remittance only, `H` notification, …
    public let handlingCode: String
    /// BPR02: the total actually paid, in cents.
    public let totalPaidCents: Int64
    /// BPR03: `C` credit, `D` debit.
    public let creditDebit: String
    /// BPR04: `ACH`, `CHK`, `NON`, `FWT`, `BOP`.
    public let paymentMethod: String
    /// BPR16: the check or effective payment date (nil when absent or not a real date).
    public let paymentDate: CalendarDate?
    /// TRN02: the check or EFT trace number; with the payer it makes the import idempotent.
    public let traceNumber: String
    /// TRN03: the payer's identifier on the trace.
    public let traceOriginatorID: String?
    /// DTM*405: the production date.
    public let productionDate: CalendarDate?
    /// N1*PR: the payer.
    public let payer: RemittanceParty
    /// N1*PE: the payee.
    public let payee: RemittanceParty
    /// The claims (CLP loops), in file order.
    public let claims: [ClaimPayment]
    /// PLB: provider-level adjustments (positive reduces the payment, negative adds to it).
    public let providerAdjustments: [ProviderAdjustment]
    /// ST02, the transaction set control number.
    public let transactionControlNumber: String

    /// What makes this payment the same payment when a file is imported again (DESIGN §10:
    /// payer + TRN02 trace): the trace's originator (TRN03, the payer's id) or, without one, the
    /// payer's N1 id or name, then the trace number.
    public var traceKey: String {
        (traceOriginatorID ?? payer.id ?? payer.name) + "|" + traceNumber
    }

    /// Σ PLB amounts, in cents.
    public var providerAdjustmentCents: Int64 { providerAdjustments.reduce(0) { $0 + $1.amountCents } }
    /// Σ CLP04, in cents.
    public var claimPaidCents: Int64 { claims.reduce(0) { $0 + $1.paidCents } }
}

/// A payer or payee named in the 835's 1000A / 1000B loops.
public struct RemittanceParty: Hashable, Sendable {
    /// N102, the name.
    public let name: String
    /// N103, the id qualifier (`XX` NPI, `FI` tax id, `XV` payer id, …).
    public let idQualifier: String?
    /// N104, the id.
    public let id: String?
    /// REF*2U (payer) or REF*TJ / PQ (payee) additional ids, qualifier → value.
    public let references: [String: String]
}

/// One provider-level adjustment (a PLB reason/amount pair).
public struct ProviderAdjustment: Hashable, Sendable {
    /// PLB01: the provider id.
    public let providerID: String
    /// PLB02: the fiscal period date.
    public let fiscalPeriodDate: CalendarDate?
    /// The reason code (`WO` overpayment recovery, `L6` interest, `FB` forward balance, …).
    public let reason: String
    /// The reference after the reason (`WO:CLAIM123`), when given.
    public let reference: String?
    /// The amount in cents: positive is withheld from the payment, negative is added to it.
    public let amountCents: Int64
}
