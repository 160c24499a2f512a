/// `POST /v1/admin/clinics`: enroll a clinic, or rotate its token.
///
/// JSON: `{"clinic_id":"clinic-a","name":"Springfield Family Practice"}` (`name` optional).
public struct EnrollRequest: Codable, Sendable, Equatable {
    /// The clinic's id (letters, digits, `-`, `_`, `.`).
    public var clinicID: String
    /// A display name; kept as it was when left out on a rotation.
    public var name: String?

    /// A request from its parts.
    public init(clinicID: String, name: String? = nil) {
        self.clinicID = clinicID
        self.name = name
    }

    private enum CodingKeys: String, CodingKey {
        case clinicID = "clinic_id", name
    }
}
