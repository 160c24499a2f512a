/// `POST /v1/admin/clinics`: enroll a clinic, or rotate its token.
///
/// JSON: `{"clinic_id":"clinic-a","name":"Springfield Family Practice","reinstate":false}`
/// (`name` and `reinstate` optional; a revoked clinic is enrolled again only with `reinstate`).
public struct EnrollRequest: Codable, Sendable, Equatable {
    /// The clinic's id (letters, digits, `-`, `_`, `.`).
    public var clinicID: String
    /// A display name; kept as it was when left out on a rotation.
    public var name: String?
    /// Enroll a revoked clinic again (`admin enroll --reinstate`).
    public var reinstate: Bool?

    /// A request from its parts.
    public init(clinicID: String, name: String? = nil, reinstate: Bool? = nil) {
        self.clinicID = clinicID
        self.name = name
        self.reinstate = reinstate
    }

    private enum CodingKeys: String, CodingKey {
        case clinicID = "clinic_id", name, reinstate
    }
}
