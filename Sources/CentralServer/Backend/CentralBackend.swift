import ClinicStore
import SyncModel

/// Where the central node keeps its data: the operations the HTTP routes need, whatever the
/// storage. ``StoreBackend`` runs them on the SQLite central store (the embedded default);
/// the `CentralPostgres` module runs them on PostgreSQL, for several `serve` processes over
/// one database.
///
/// Every implementation keeps the same contract (DESIGN §4): a push is applied in one
/// transaction and acknowledged only once committed, a replay changes nothing, every accepted
/// change gets a server sequence in commit order, and a pull cursor never skips a change.
/// When the storage cannot be reached, operations throw ``CentralStorageUnavailable``
/// (a 503 that tells the client to retry).
public protocol CentralBackend: Sendable {
    /// The node's wall clock (the skew check, and when sync activity happened).
    var clock: any StoreClock { get }

    /// Applies one pushed batch from `clinicID` (see `LocalStore.acceptPush`); whole-request
    /// problems throw an ``ErrorBody`` or a `ClockSkewError` and change nothing.
    func acceptPush(_ request: PushRequest, from clinicID: String, skewLimitMillis: Int64) async throws -> PushResponse

    /// The next page of changes in `clinicID`'s scope after `since`, leaving out `site`'s own.
    func pull(for clinicID: String, site: String, since: Int64, limit: Int) async throws -> PullResponse

    /// Where the node stands with `site` of `clinicID`: its highest sequence held, that
    /// change's fingerprint, the log head and the node's own site (issue 28; a clinic checks
    /// this before it pushes); with `markSeq`, the fingerprint of its log entry there. A site
    /// that is not `clinicID`'s is refused (`forbidden`).
    func siteStanding(for clinicID: String, site: String, markSeq: Int64?) async throws -> SiteStanding

    /// The clinic a bearer token authorizes, or `nil` (unknown, revoked or forged).
    func authenticate(token: String) async throws -> String?

    /// Enrolls a clinic (or rotates its token); returns the new token, to be shown once. A
    /// revoked clinic only with `reinstate` (``SyncModel/EnrollmentAction``).
    func enroll(clinicID: String, name: String?, reinstate: Bool) async throws -> String

    /// A new token for an enrolled, unrevoked clinic (the old one stops working at once).
    func rotate(clinicID: String) async throws -> String

    /// Revokes a clinic's token; a `StoreError.notFound` when it is not enrolled or already revoked.
    func revoke(clinicID: String) async throws

    /// The enrolled clinics, by id.
    func enrollments() async throws -> [Enrollment]

    /// Records one push or pull of a clinic site (and the changes it refused, by reason);
    /// what `clinicHealth` reports.
    func recordSyncActivity(_ activity: SyncActivity, clinicID: String, refusals: [String: Int]) async throws

    /// The enrolled clinics' sync health, longest silent first; only `clinicID`'s (with its
    /// `recentLimit` newest requests) when given. Without `records`, claims and open conflicts
    /// are not counted (what `/metrics` needs reads no claim).
    func clinicHealth(clinicID: String?, recentLimit: Int?, records: Bool) async throws -> [ClinicHealth]

    /// The code releases published to clinics.
    func publishedReleases() async throws -> [CodeRelease]

    /// One published release as a bulk file; a `StoreError.notFound` when there is none.
    func releaseFile(id: String) async throws -> ReleaseFile

    /// The search synonyms the central office publishes to clinics (its own `codes synonyms`), by term.
    func publishedSynonyms() async throws -> [OfficeSynonym]

    /// Throws ``CentralStorageUnavailable`` when the storage cannot serve now (`/healthz` says so).
    func checkHealth() async throws
}

extension CentralBackend {
    /// Every enrolled clinic's sync health in full, longest silent first (`admin clinics`).
    public func clinicsHealth() async throws -> [ClinicHealth] {
        try await clinicHealth(clinicID: nil, recentLimit: nil, records: true)
    }

    /// One clinic's health in full with its ``ClinicHealth/recentSyncsShown`` newest requests
    /// (`admin clinic show`); a `StoreError.notFound` when it is not enrolled.
    public func clinicHealth(of clinicID: String) async throws -> ClinicHealth {
        guard let clinic = try await clinicHealth(clinicID: clinicID, recentLimit: ClinicHealth.recentSyncsShown,
                                                  records: true).first else {
            throw StoreError.notFound(entity: "enrolled clinic", id: String(clinicID.prefix(80)))
        }
        return clinic
    }
}
