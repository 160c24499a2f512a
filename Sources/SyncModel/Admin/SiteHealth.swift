/// One site (device) of a clinic as the central node sees it: its last push, its last pull and
/// how its last request ended.
///
/// JSON: `{"site":"…","last_push_at":…,"last_pull_at":…,"last_sync_at":…,"last_result":"ok"}`;
/// the times are milliseconds since 1970, absent when the site never did that.
public struct SiteHealth: Codable, Sendable, Equatable {
    /// The site id.
    public var site: String
    /// The last push that went through.
    public var lastPushAtMillis: Int64?
    /// The last pull that went through.
    public var lastPullAtMillis: Int64?
    /// The last request of any kind, whatever its result.
    public var lastSyncAtMillis: Int64
    /// How the last request ended: `ok` or an error code.
    public var lastResult: String

    /// A site's health from its recorded requests (at least one).
    public init(site: String, activities: [SyncActivity]) {
        self.site = site
        let latest = activities.max { $0.atMillis < $1.atMillis }
        lastSyncAtMillis = latest?.atMillis ?? 0
        lastResult = latest?.result ?? SyncActivity.ok
        lastPushAtMillis = activities.filter { $0.kind == .push && $0.succeeded }.map(\.atMillis).max()
        lastPullAtMillis = activities.filter { $0.kind == .pull && $0.succeeded }.map(\.atMillis).max()
    }

    private enum CodingKeys: String, CodingKey {
        case site, lastPushAtMillis = "last_push_at", lastPullAtMillis = "last_pull_at"
        case lastSyncAtMillis = "last_sync_at", lastResult = "last_result"
    }
}
