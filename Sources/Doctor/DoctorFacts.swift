/// Everything `clinicsync doctor` found out about a store, gathered at the edge (file system,
/// SQLite, one request to the central node) so that the checks are pure functions of it.
public struct DoctorFacts: Sendable, Equatable {
    /// What answered when the central node was asked (a pull of at most one change).
    public enum RemoteAnswer: Sendable, Equatable {
        /// The store has no central node or token (`clinicsync remote set`).
        case notConfigured
        /// The node answered and took the token; `clockDifferenceMillis` is the local clock
        /// minus the node's (positive: this machine is ahead), measured at the request's middle.
        case accepted(clockDifferenceMillis: Int64)
        /// No answer: connection refused, name unknown, timeout, TLS (the detail is one line).
        case unreachable(String)
        /// The node answered that it cannot serve now (HTTP 5xx, e.g. its database is down).
        case unavailable(status: Int, message: String)
        /// The node refused this clinic's request (HTTP 4xx: token revoked or wrong, schema mismatch).
        case refused(status: Int, code: String, message: String)
    }

    /// The store file.
    public var path: String
    /// Why the store could not be opened, if it could not (the other facts are then empty).
    public var openError: String?
    /// `clinic` or `central`, once opened.
    public var role: String?
    /// The clinic id and site id, once opened.
    public var clinicID: String?, siteID: String?
    /// `PRAGMA quick_check`'s rows (`["ok"]` when healthy).
    public var quickCheck: [String] = []
    /// Migrations the store has applied, and the ones this build knows.
    public var appliedMigrations: [String] = [], knownMigrations: [String] = []
    /// Bytes free for this user on the store's file system, when known.
    public var freeDiskBytes: Int64?
    /// The store file's permission bits (`0o600`), when known.
    public var fileMode: UInt16?
    /// The central node's answer (clinic stores only).
    public var remote: RemoteAnswer?
    /// The server this clinic syncs with, for the report (never the token).
    public var serverURL: String?
    /// Local changes not yet acknowledged, and when the oldest was recorded (ms since 1970).
    public var outboxCount = 0, outboxOldestMillis: Int64?
    /// When the last complete sync ended (ms since 1970), `nil` if never.
    public var lastSyncMillis: Int64?
    /// Local changes the central node refused.
    public var refusedChanges = 0
    /// When `clinicsync restore` put this store in place, while no sync has checked it since (issue 28).
    public var restoredAtMillis: Int64?
    /// The last site recovery a sync made (a restored or copied store, a restored central node),
    /// in one line, and when (ms since 1970); `nil` when none ever happened.
    public var lastRecovery: String?, lastRecoveryMillis: Int64?
    /// Open conflicts, and when the oldest was recorded here (ms since 1970).
    public var openConflicts = 0, oldestConflictMillis: Int64?
    /// The local clock when the facts were gathered (ms since 1970).
    public var nowMillis: Int64

    /// Facts about the store at `path`, as of `nowMillis`; the gatherer fills in the rest.
    public init(path: String, nowMillis: Int64) {
        self.path = path
        self.nowMillis = nowMillis
    }
}
