/// `POST /v1/sync/push`: a batch of a clinic's outbox, oldest first.
///
/// JSON: `{"schema_version":1,"clinic_id":"clinic-a","site_id":"clinic-a","changes":[…]}`, and from a
/// clinic that checked its site's standing (issue 28) `"base_seq":12,"base_digest":"9f2c…"`: what
/// it expects the node to hold of the site. A node holding anything else refuses the whole request
/// (409 `site_moved`) and changes nothing, so that two stores under one site never have one's
/// changes taken for the other's duplicates.
public struct PushRequest: Hashable, Sendable, Codable {
    /// The sender's store schema version; a mismatch is refused with ``ErrorCode/schemaMismatch``.
    public var schemaVersion: Int
    /// The clinic the token belongs to; every change must be in its scope.
    public var clinicID: String
    /// The sending site (every change's ``Version/site``).
    public var siteID: String
    /// The changes, in the site's sequence order.
    public var changes: [Change]
    /// The highest sequence of the site the sender expects the node to hold (`nil`: no check).
    public var baseSeq: Int64?
    /// The ``ChangeDigest`` the sender expects the node to keep for ``baseSeq`` (`nil` when the
    /// node keeps none).
    public var baseDigest: String?

    /// A push request from its parts.
    public init(schemaVersion: Int, clinicID: String, siteID: String, changes: [Change],
                baseSeq: Int64? = nil, baseDigest: String? = nil) {
        self.schemaVersion = schemaVersion
        self.clinicID = clinicID
        self.siteID = siteID
        self.changes = changes
        self.baseSeq = baseSeq
        self.baseDigest = baseDigest
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", clinicID = "clinic_id", siteID = "site_id", changes
        case baseSeq = "base_seq", baseDigest = "base_digest"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        clinicID = try container.decode(String.self, forKey: .clinicID)
        siteID = try container.decode(String.self, forKey: .siteID)
        changes = try container.decode([Change].self, forKey: .changes)
        baseSeq = try container.decodeIfPresent(Int64.self, forKey: .baseSeq)
        baseDigest = try container.decodeIfPresent(String.self, forKey: .baseDigest)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(clinicID, forKey: .clinicID)
        try container.encode(siteID, forKey: .siteID)
        try container.encode(changes, forKey: .changes)
        if let baseSeq {
            try container.encode(baseSeq, forKey: .baseSeq)
            try container.encode(baseDigest, forKey: .baseDigest)
        }
    }

    /// What the node holds of the site once it has taken this request whole: the last change's
    /// sequence and fingerprint when it goes beyond ``baseSeq``, else the base itself.
    public var baseAfter: SiteAnswer? {
        guard let baseSeq else { return nil }
        guard let last = changes.last, last.version.seq > baseSeq else { return SiteAnswer(seq: baseSeq, digest: baseDigest) }
        return SiteAnswer(seq: last.version.seq, digest: ChangeDigest.of(last))
    }

    /// This request carrying `base` as what the node is expected to hold of the site (`nil`: no check).
    public func based(on base: SiteAnswer?) -> PushRequest {
        var request = self
        request.baseSeq = base?.seq
        request.baseDigest = base?.digest
        return request
    }
}
