/// The reply to `GET /healthz`: `{"status":"ok","schema_version":1}`.
public struct HealthStatus: Codable, Sendable, Equatable {
    /// `ok` while the node and its storage answer; `unavailable` (with a 503) when the storage does not.
    public var status: String
    /// The store schema version this node speaks (see the `ClinicSync-Schema-Version` header).
    public var schemaVersion: Int

    /// A health reply from its parts.
    public init(status: String, schemaVersion: Int) {
        self.status = status
        self.schemaVersion = schemaVersion
    }

    private enum CodingKeys: String, CodingKey {
        case status, schemaVersion = "schema_version"
    }
}
