/// The reply to `POST /v1/admin/clinics/{id}/revoke`: `{"clinic_id":"clinic-a","revoked":true}`.
public struct RevokedClinic: Codable, Sendable, Equatable {
    /// The clinic whose token no longer works.
    public var clinicID: String
    /// Always `true`.
    public var revoked: Bool

    /// A reply for `clinicID`.
    public init(clinicID: String, revoked: Bool = true) {
        self.clinicID = clinicID
        self.revoked = revoked
    }

    private enum CodingKeys: String, CodingKey {
        case clinicID = "clinic_id", revoked
    }
}
