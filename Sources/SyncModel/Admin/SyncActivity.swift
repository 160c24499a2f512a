/// One sync request of a clinic site as the central node recorded it: a push or a pull page,
/// when, how long, how many changes, and how it ended.
///
/// The node keeps the last ``SyncActivity/keptPerSite`` of each site (small and bounded), for
/// `clinicsync admin clinics` and `admin clinic show`. JSON: `{"site":"…","kind":"push",
/// "at":1796190109147,"duration_ms":42,"changes":120,"refused":1,"result":"ok"}`.
public struct SyncActivity: Codable, Sendable, Equatable {
    /// What the site asked for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// `POST /v1/sync/push`.
        case push
        /// `GET /v1/sync/pull`.
        case pull
    }

    /// How many requests of each site the node keeps.
    public static let keptPerSite = 50
    /// The result of a request that went through.
    public static let ok = "ok"

    /// The site (device) that made the request.
    public var site: String
    /// Push or pull.
    public var kind: Kind
    /// When the request arrived, milliseconds since 1970 (UTC).
    public var atMillis: Int64
    /// How long the node took to answer, in milliseconds.
    public var durationMillis: Int64
    /// Changes applied (a push) or sent (a pull).
    public var changes: Int
    /// Changes the node refused (a push).
    public var refused: Int
    /// `ok`, or the error code the request failed with (`clock_skew`, `storage_unavailable` …).
    public var result: String

    /// An activity from its parts.
    public init(site: String, kind: Kind, atMillis: Int64, durationMillis: Int64, changes: Int, refused: Int = 0,
                result: String = SyncActivity.ok) {
        self.site = site
        self.kind = kind
        self.atMillis = atMillis
        self.durationMillis = durationMillis
        self.changes = changes
        self.refused = refused
        self.result = result
    }

    /// Whether the request went through.
    public var succeeded: Bool { result == Self.ok }

    private enum CodingKeys: String, CodingKey {
        case site, kind, atMillis = "at", durationMillis = "duration_ms", changes, refused, result
    }
}
