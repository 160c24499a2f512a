/// `POST /v1/sync/push`: a batch of a clinic's outbox, oldest first.
///
/// JSON: `{"schema_version":1,"clinic_id":"clinic-a","site_id":"clinic-a","changes":[…]}`.
public struct PushRequest: Hashable, Sendable, Codable {
    /// The sender's store schema version; a mismatch is refused with ``ErrorCode/schemaMismatch``.
    public var schemaVersion: Int
    /// The clinic the token belongs to; every change must be in its scope.
    public var clinicID: String
    /// The sending site (every change's ``Version/site``).
    public var siteID: String
    /// The changes, in the site's sequence order.
    public var changes: [Change]

    /// A push request from its parts.
    public init(schemaVersion: Int, clinicID: String, siteID: String, changes: [Change]) {
        self.schemaVersion = schemaVersion
        self.clinicID = clinicID
        self.siteID = siteID
        self.changes = changes
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", clinicID = "clinic_id", siteID = "site_id", changes
    }
}
