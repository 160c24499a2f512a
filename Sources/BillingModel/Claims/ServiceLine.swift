/// One billed service on a claim.
public struct ServiceLine: Hashable, Sendable, Codable, Identifiable {
    /// The line row's UUID (lower-case UUIDv7), the same at every replica; line numbers are for people.
    public var id: String
    /// The ``Claim/id`` of the claim this line belongs to.
    public var claimID: String
    /// 1-based position on the claim.
    public var lineNumber: Int
    /// CPT or HCPCS code, normalized (upper case).
    public var procedureCode: String
    /// Up to four two-character modifiers, in order.
    public var modifiers: [String]
    /// Service units billed (SV104), 0–9999 at entry; the scrubber wants above 0 and applies MUE caps.
    public var units: Int
    /// The line charge in cents (SV102); above 0 except for Category II codes, which may be 0.
    public var chargeCents: Int64
    /// The (first) date of service (DTP*472); picks the code release the line is checked against.
    public var serviceDate: CalendarDate
    /// Last date of a multi-day service, when it differs from ``serviceDate``.
    public var serviceDateTo: CalendarDate?
    /// 1-based pointers into the claim's diagnosis list; one to four.
    public var diagnosisPointers: [Int]
    /// Place of service for this line when it differs from the claim's.
    public var placeOfService: String?

    /// Creates a line as given; values are not checked here (the store and the scrubber do that).
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
