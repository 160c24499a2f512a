/// A professional claim: who was treated, who pays, what was done and why.
public struct Claim: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The owning clinic.
    public var clinicID: String
    /// The patient control number sent as CLM01; a replacement or void keeps the original's.
    public var claimNumber: String
    public var patientID: String
    /// The payer record's id (not the payer's external payer id).
    public var payerID: String
    public var billingNPI: String
    public var renderingNPI: String?
    /// Place of service, two digits.
    public var placeOfService: String
    /// ICD-10-CM codes without dots, in order; the first is the principal diagnosis.
    public var diagnoses: [String]
    public var frequency: ClaimFrequency
    /// The payer's claim control number, required for frequency 7 and 8.
    public var payerClaimNumber: String?
    public var lifecycle: ClaimLifecycle
    /// The stored claim total; the scrubber checks it equals the sum of the lines.
    public var totalChargeCents: Int64
    public var notes: String
    /// For a replacement or void, the claim it supersedes.
    public var originalClaimID: String?
    /// Service lines in line-number order (not tombstoned ones).
    public var lines: [ServiceLine]

    public init(id: String, clinicID: String, claimNumber: String, patientID: String, payerID: String,
                billingNPI: String, renderingNPI: String? = nil, placeOfService: String = "11",
                diagnoses: [String] = [], frequency: ClaimFrequency = .original,
                payerClaimNumber: String? = nil, lifecycle: ClaimLifecycle = ClaimLifecycle(),
                totalChargeCents: Int64 = 0, notes: String = "", originalClaimID: String? = nil,
                lines: [ServiceLine] = []) {
        self.id = id
        self.clinicID = clinicID
        self.claimNumber = claimNumber
        self.patientID = patientID
        self.payerID = payerID
        self.billingNPI = billingNPI
        self.renderingNPI = renderingNPI
        self.placeOfService = placeOfService
        self.diagnoses = diagnoses
        self.frequency = frequency
        self.payerClaimNumber = payerClaimNumber
        self.lifecycle = lifecycle
        self.totalChargeCents = totalChargeCents
        self.notes = notes
        self.originalClaimID = originalClaimID
        self.lines = lines
    }

    /// The sum of the line charges.
    public var lineChargeTotalCents: Int64 { lines.reduce(0) { $0 + $1.chargeCents } }

    /// The claim's dates of service, earliest first.
    public var serviceDates: [CalendarDate] { Set(lines.map(\.serviceDate)).sorted() }
}
