/// One billed service on a claim.
public struct ServiceLine: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var claimID: String
    /// 1-based position on the claim.
    public var lineNumber: Int
    /// CPT or HCPCS code, normalized (upper case).
    public var procedureCode: String
    /// Up to four two-character modifiers, in order.
    public var modifiers: [String]
    public var units: Int
    public var chargeCents: Int64
    public var serviceDate: CalendarDate
    /// Last date of a multi-day service, when it differs from ``serviceDate``.
    public var serviceDateTo: CalendarDate?
    /// 1-based pointers into the claim's diagnosis list; one to four.
    public var diagnosisPointers: [Int]
    /// Place of service for this line when it differs from the claim's.
    public var placeOfService: String?

    public init(id: String, claimID: String, lineNumber: Int, procedureCode: String,
                modifiers: [String] = [], units: Int, chargeCents: Int64, serviceDate: CalendarDate,
                serviceDateTo: CalendarDate? = nil, diagnosisPointers: [Int],
                placeOfService: String? = nil) {
        self.id = id
        self.claimID = claimID
        self.lineNumber = lineNumber
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.units = units
        self.chargeCents = chargeCents
        self.serviceDate = serviceDate
        self.serviceDateTo = serviceDateTo
        self.diagnosisPointers = diagnosisPointers
        self.placeOfService = placeOfService
    }
}
