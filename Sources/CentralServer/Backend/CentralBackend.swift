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
    /// Applies one pushed batch from `clinicID` (see `LocalStore.acceptPush`); whole-request
    /// problems throw an ``ErrorBody`` or a `ClockSkewError` and change nothing.
    func acceptPush(_ request: PushRequest, from clinicID: String, skewLimitMillis: Int64) async throws -> PushResponse

    /// The next page of changes in `clinicID`'s scope after `since`, leaving out `site`'s own.
    func pull(for clinicID: String, site: String, since: Int64, limit: Int) async throws -> PullResponse

    /// The clinic a bearer token authorizes, or `nil` (unknown, revoked or forged).
    func authenticate(token: String) async throws -> String?

    /// Enrolls a clinic (or rotates its token); returns the new token, to be shown once.
    func enroll(clinicID: String, name: String?) async throws -> String

    /// Revokes a clinic's token; a `StoreError.notFound` when it is not enrolled or already revoked.
    func revoke(clinicID: String) async throws

    /// The enrolled clinics, by id.
    func enrollments() async throws -> [Enrollment]

    /// The code releases published to clinics.
    func publishedReleases() async throws -> [CodeRelease]

    /// One published release as a bulk file; a `StoreError.notFound` when there is none.
    func releaseFile(id: String) async throws -> ReleaseFile

    /// Throws ``CentralStorageUnavailable`` when the storage cannot serve now (`/healthz` says so).
    func checkHealth() async throws
}
