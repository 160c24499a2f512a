/// A professional claim: who was treated, who pays, what was done and why.
public struct Claim: Hashable, Sendable, Codable, Identifiable {
    /// The row's UUID (lower-case UUIDv7), the same at every replica; not the CLM01 number.
    public var id: String
    /// The owning clinic.
    public var clinicID: String
    /// The patient control number sent as CLM01; a replacement or void keeps the original's.
    public var claimNumber: String
    /// The treated patient's record id (``Patient/id``); the insured may be another record.
    public var patientID: String
    /// The payer record's id (not the payer's external payer id).
    public var payerID: String
    /// The billing provider's ten-digit NPI (loop 2010AA NM109).
    public var billingNPI: String
    /// The rendering provider's NPI (loop 2310B); `nil` or empty when the billing provider rendered.
    public var renderingNPI: String?
    /// Place of service, two digits.
    public var placeOfService: String
    /// ICD-10-CM codes without dots, in order; the first is the principal diagnosis.
    public var diagnoses: [String]
    /// Original, replacement (7) or void (8): the third part of CLM05.
    public var frequency: ClaimFrequency
    /// The payer's claim control number, required for frequency 7 and 8.
    public var payerClaimNumber: String?
    /// Submission round and stage; merges as a maximum, so status never moves backward.
    public var lifecycle: ClaimLifecycle
    /// The stored claim total; the scrubber checks it equals the sum of the lines.
    public var totalChargeCents: Int64
    /// Free-text notes for the office (at most 2000 characters); not sent to the payer. May be PHI.
    public var notes: String
    /// For a replacement or void, the claim it supersedes.
    public var originalClaimID: String?
    /// Service lines in line-number order (not tombstoned ones).
    public var lines: [ServiceLine]

    /// Creates a claim; defaults are a new original draft at place of service 11 (office) with no lines.
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
