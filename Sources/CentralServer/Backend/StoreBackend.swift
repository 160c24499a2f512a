import ClinicStore
import NIOPosix
import SyncModel

/// The embedded central backend: a central SQLite ``LocalStore``, whose synchronous work runs
/// on NIO's blocking thread pool, never on an event loop.
public struct StoreBackend: CentralBackend {
    /// The central store.
    public let store: LocalStore

    /// A backend over `store` (a central store).
    public init(store: LocalStore) { self.store = store }

    /// The store's clock.
    public var clock: any StoreClock { store.clock }

    /// Applies a pushed batch in one SQLite transaction (`LocalStore.acceptPush`).
    public func acceptPush(_ request: PushRequest, from clinicID: String, skewLimitMillis: Int64) async throws -> PushResponse {
        try await run { try $0.acceptPush(request, from: clinicID, skewLimitMillis: skewLimitMillis) }
    }

    /// A page of changes in the clinic's scope (`LocalStore.pull`).
    public func pull(for clinicID: String, site: String, since: Int64, limit: Int) async throws -> PullResponse {
        try await run { try $0.pull(for: clinicID, site: site, since: since, limit: limit) }
    }

    /// Where the node stands with one of a clinic's sites (`LocalStore.siteStanding`).
    public func siteStanding(for clinicID: String, site: String, markSeq: Int64?) async throws -> SiteStanding {
        try await run { try $0.siteStanding(for: clinicID, site: site, markSeq: markSeq) }
    }

    /// The clinic a token authorizes (`LocalStore.authenticate`).
    public func authenticate(token: String) async throws -> String? {
        try await run { try $0.authenticate(token: token) }
    }

    /// Enrolls a clinic or rotates its token (`LocalStore.enroll`).
    public func enroll(clinicID: String, name: String?, reinstate: Bool) async throws -> String {
        try await run { try $0.enroll(clinicID: clinicID, name: name, reinstate: reinstate) }
    }

    /// A new token for an enrolled clinic (`LocalStore.rotate`).
    public func rotate(clinicID: String) async throws -> String {
        try await run { try $0.rotate(clinicID: clinicID) }
    }

    /// Records a site's request (`LocalStore.recordSyncActivity`).
    public func recordSyncActivity(_ activity: SyncActivity, clinicID: String, refusals: [String: Int]) async throws {
        try await run { try $0.recordSyncActivity(activity, clinicID: clinicID, refusals: refusals) }
    }

    /// The clinics' sync health (`LocalStore.clinicHealth`).
    public func clinicHealth(clinicID: String?, recentLimit: Int?, records: Bool) async throws -> [ClinicHealth] {
        try await run { try $0.clinicHealth(clinicID: clinicID, recentLimit: recentLimit, records: records) }
    }

    /// Revokes a clinic's token (`LocalStore.revoke`).
    public func revoke(clinicID: String) async throws {
        try await run { try $0.revoke(clinicID: clinicID) }
    }

    /// The enrolled clinics (`LocalStore.enrollments`).
    public func enrollments() async throws -> [Enrollment] {
        try await run { try $0.enrollments() }
    }

    /// The releases published to clinics (`LocalStore.publishedReleases`).
    public func publishedReleases() async throws -> [CodeRelease] {
        try await run { try $0.publishedReleases() }
    }

    /// One published release as a bulk file (`LocalStore.releaseFile`).
    public func releaseFile(id: String) async throws -> ReleaseFile {
        try await run { try $0.releaseFile(id: id) }
    }

    /// The synonyms published to clinics (`LocalStore.publishedSynonyms`).
    public func publishedSynonyms() async throws -> [OfficeSynonym] {
        try await run { try $0.publishedSynonyms() }
    }

    /// The store file is opened once at start; nothing to check per request.
    public func checkHealth() async throws {}

    /// Runs `work` on the shared thread pool and returns its result (or rethrows its error).
    private func run<T: Sendable>(_ work: @escaping @Sendable (LocalStore) throws -> T) async throws -> T {
        let store = self.store
        return try await NIOThreadPool.singleton.runIfActive { try work(store) }
    }
}
