/// What a coder types to open a claim.
public struct ClaimInput: Sendable {
    /// The record id of the treated patient; it must exist in this store.
    public var patientID: String
    /// A payer record id or the payer's external id.
    public var payer: String
    /// The billing provider's NPI, ten digits (the scrubber checks the check digit).
    public var billingNPI: String
    /// The rendering provider's NPI when another provider did the work; `nil` for none.
    public var renderingNPI: String?
    /// Two-digit place of service (`11` office, `02`/`10` telehealth ...).
    public var placeOfService: String
    /// ICD-10-CM codes, with or without dots, principal first.
    public var diagnoses: [String]
    /// Free-text office notes, never sent to the payer.
    public var notes: String

    /// Collects what was typed; defaults are place of service 11, no diagnoses and no notes.
    public init(patientID: String, payer: String, billingNPI: String, renderingNPI: String? = nil,
                placeOfService: String = "11", diagnoses: [String] = [], notes: String = "") {
        self.patientID = patientID
        self.payer = payer
        self.billingNPI = billingNPI
        self.renderingNPI = renderingNPI
        self.placeOfService = placeOfService
        self.diagnoses = diagnoses
        self.notes = notes
    }
}

/// What a coder types for a service line. `nil` fields keep their value in ``LocalStore/setLine``.
public struct LineInput: Sendable {
    /// CPT or HCPCS code as typed (normalized to upper case); required to add a line.
    public var procedureCode: String?
    /// Up to four two-character modifiers, in order; an empty array clears them.
    public var modifiers: [String]?
    /// Service units, 0–9999; required to add a line.
    public var units: Int?
    /// Dollars as typed (`125.00`).
    public var charge: String?
    /// `YYYY-MM-DD`.
    public var serviceDate: String?
    /// Last date of a multi-day service, `YYYY-MM-DD`.
    public var serviceDateTo: String?
    /// 1–4 pointers (each 1–12) into the claim's diagnoses; a new line defaults to `[1]`.
    public var diagnosisPointers: [Int]?
    /// Two-digit place of service for this line when it differs from the claim's.
    public var placeOfService: String?

    /// Collects what was typed; `nil` fields are left out (kept on a set, missing on an add).
    public init(procedureCode: String? = nil, modifiers: [String]? = nil, units: Int? = nil, charge: String? = nil,
                serviceDate: String? = nil, serviceDateTo: String? = nil, diagnosisPointers: [Int]? = nil,
                placeOfService: String? = nil) {
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.units = units
        self.charge = charge
        self.serviceDate = serviceDate
        self.serviceDateTo = serviceDateTo
        self.diagnosisPointers = diagnosisPointers
        self.placeOfService = placeOfService
    }
}
