import BillingModel

/// One claim with every record the 837P needs to describe it.
///
/// The writer checks that the records belong together (the claim's patient, payer and
/// billing NPI) so that a claim is never sent with another patient's or payer's data.
/// ``subscriber`` is the insured person: the patient themself when
/// ``BillingModel/Patient/isSubscriber`` is true, otherwise the patient record named by the
/// patient's `subscriberID`.
public struct X12ClaimBundle: Hashable, Sendable {
    /// The claim, with its service lines in line-number order.
    public var claim: Claim
    /// The person who was treated.
    public var patient: Patient
    /// The insured person (the same record as ``patient`` when the patient is the insured).
    public var subscriber: Patient
    /// The payer the claim goes to.
    public var payer: Payer
    /// The billing provider (2000A/2010AA); needs an address and a tax id.
    public var billingProvider: Provider
    /// The rendering provider; written as 2310B only when its NPI differs from the billing one.
    public var renderingProvider: Provider?

    /// Creates a bundle; `subscriber` defaults to `patient` (the patient is the insured).
    public init(claim: Claim, patient: Patient, subscriber: Patient? = nil, payer: Payer,
                billingProvider: Provider, renderingProvider: Provider? = nil) {
        self.claim = claim
        self.patient = patient
        self.subscriber = subscriber ?? patient
        self.payer = payer
        self.billingProvider = billingProvider
        self.renderingProvider = renderingProvider
    }

    /// Whether the patient is the insured person (SBR02 `18`, no 2000C loop).
    public var patientIsSubscriber: Bool { patient.isSubscriber }
}
