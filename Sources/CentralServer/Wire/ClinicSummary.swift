import ClinicStore

/// One enrolled clinic in `GET /v1/admin/clinics`, never with its token.
///
/// JSON: `{"clinic_id":"clinic-a","name":"…","enrolled_at":1740830400000,"revoked":false}`,
/// with `revoked_at` (milliseconds since 1970) once revoked; `name` only when known.
public struct ClinicSummary: Codable, Sendable, Equatable {
    /// The clinic's id.
    public var clinicID: String
    /// Its display name, if given at enrollment.
    public var name: String?
    /// When it was enrolled or its token last rotated, in milliseconds since 1970 (UTC).
    public var enrolledAt: Int64
    /// When its token was revoked, if it was.
    public var revokedAt: Int64?
    /// Whether its token is revoked.
    public var revoked: Bool

    /// A summary from its parts.
    public init(clinicID: String, name: String?, enrolledAt: Int64, revokedAt: Int64?) {
        self.clinicID = clinicID
        self.name = name
        self.enrolledAt = enrolledAt
        self.revokedAt = revokedAt
        self.revoked = revokedAt != nil
    }

    /// The summary of a store enrollment.
    public init(_ enrollment: Enrollment) {
        self.init(clinicID: enrollment.clinicID, name: enrollment.name, enrolledAt: enrollment.enrolledAtMillis,
                  revokedAt: enrollment.revokedAtMillis)
    }

    private enum CodingKeys: String, CodingKey {
        case clinicID = "clinic_id", name
        case enrolledAt = "enrolled_at", revokedAt = "revoked_at", revoked
    }
}
