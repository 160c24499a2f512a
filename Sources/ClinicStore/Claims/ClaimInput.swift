/// What a coder types to open a claim.
public struct ClaimInput: Sendable {
    public var patientID: String
    /// A payer record id or the payer's external id.
    public var payer: String
    public var billingNPI: String
    public var renderingNPI: String?
    public var placeOfService: String
    /// ICD-10-CM codes, with or without dots, principal first.
    public var diagnoses: [String]
    public var notes: String

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
    public var procedureCode: String?
    public var modifiers: [String]?
    public var units: Int?
    /// Dollars as typed (`125.00`).
    public var charge: String?
    /// `YYYY-MM-DD`.
    public var serviceDate: String?
    public var serviceDateTo: String?
    public var diagnosisPointers: [Int]?
    public var placeOfService: String?

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
