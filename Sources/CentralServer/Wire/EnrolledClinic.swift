/// The 201 reply to an enrollment: the clinic's new bearer token, shown this once only.
///
/// JSON: `{"clinic_id":"clinic-a","token":"clinic-a.9f…"}`.
public struct EnrolledClinic: Codable, Sendable, Equatable {
    /// The clinic enrolled.
    public var clinicID: String
    /// The bearer token; the central node keeps only its hash.
    public var token: String

    /// A reply from its parts.
    public init(clinicID: String, token: String) {
        self.clinicID = clinicID
        self.token = token
    }

    private enum CodingKeys: String, CodingKey {
        case clinicID = "clinic_id", token
    }
}
