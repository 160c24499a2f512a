/// An enrolled clinic's sync health at the central node: when it last synced, from which
/// sites, what the node refused, its open conflicts and its claims by status — the first
/// questions a central office asks every morning (`clinicsync admin clinics`).
///
/// Built by ``init(facts:recentLimit:)`` from what a backend reads (the same rules on SQLite and
/// PostgreSQL). JSON keys are snake_case; `recent_syncs` only in `admin clinic show`.
public struct ClinicHealth: Codable, Sendable, Equatable {
    /// How many of a clinic's newest requests one clinic's view lists (`admin clinic show`).
    public static let recentSyncsShown = 20

    /// The clinic id.
    public var clinicID: String
    /// Its display name, if given at enrollment.
    public var name: String?
    /// When it was enrolled or its token last rotated, milliseconds since 1970.
    public var enrolledAtMillis: Int64
    /// When its token was revoked, if it was.
    public var revokedAtMillis: Int64?
    /// Whether its token is revoked.
    public var revoked: Bool
    /// The latest request of any of its sites; `nil` when it never synced.
    public var lastSyncAtMillis: Int64?
    /// Its sites, most recently seen first.
    public var sites: [SiteHealth]
    /// Changes the node refused from it, in all.
    public var refusedChanges: Int
    /// Those refusals by reason (error code).
    public var refusedByReason: [String: Int]
    /// Its open conflict records.
    public var openConflicts: Int
    /// Its claims by status (`draft`, `submitted`, `paid` …).
    public var claimsByStatus: [String: Int]
    /// Its recent requests, newest first (only when asked for one clinic).
    public var recentSyncs: [SyncActivity]?

    /// What a backend reads for one clinic.
    public struct Facts: Sendable {
        /// The clinic id.
        public var clinicID: String
        /// Its display name.
        public var name: String?
        /// When its token was issued.
        public var enrolledAtMillis: Int64
        /// When its token was revoked.
        public var revokedAtMillis: Int64?
        /// Its sites' recorded requests, in any order.
        public var activities: [SyncActivity]
        /// Refused changes by reason.
        public var refusedByReason: [String: Int]
        /// Open conflict records.
        public var openConflicts: Int
        /// Claims by status.
        public var claimsByStatus: [String: Int]

        /// Facts from their parts.
        public init(clinicID: String, name: String?, enrolledAtMillis: Int64, revokedAtMillis: Int64?,
                    activities: [SyncActivity] = [], refusedByReason: [String: Int] = [:], openConflicts: Int = 0,
                    claimsByStatus: [String: Int] = [:]) {
            self.clinicID = clinicID
            self.name = name
            self.enrolledAtMillis = enrolledAtMillis
            self.revokedAtMillis = revokedAtMillis
            self.activities = activities
            self.refusedByReason = refusedByReason
            self.openConflicts = openConflicts
            self.claimsByStatus = claimsByStatus
        }
    }

    /// A clinic's health from its facts; `recentLimit` of its newest requests are listed when given.
    public init(facts: Facts, recentLimit: Int? = nil) {
        clinicID = facts.clinicID
        name = facts.name
        enrolledAtMillis = facts.enrolledAtMillis
        revokedAtMillis = facts.revokedAtMillis
        revoked = facts.revokedAtMillis != nil
        let bySite = Dictionary(grouping: facts.activities, by: \.site)
        sites = bySite.map { SiteHealth(site: $0.key, activities: $0.value) }
            .sorted { ($0.lastSyncAtMillis, $1.site) > ($1.lastSyncAtMillis, $0.site) }
        lastSyncAtMillis = sites.first?.lastSyncAtMillis
        refusedByReason = facts.refusedByReason.filter { $0.value > 0 }
        refusedChanges = refusedByReason.values.reduce(0, +)
        openConflicts = facts.openConflicts
        claimsByStatus = facts.claimsByStatus.filter { $0.value > 0 }
        recentSyncs = recentLimit.map { limit in
            Array(facts.activities.sorted { ($0.atMillis, $0.kind.rawValue) > ($1.atMillis, $1.kind.rawValue) }.prefix(limit))
        }
    }

    /// Whether the clinic has been silent for longer than `silenceMillis` at `nowMillis`: its
    /// last request is older, or it never synced at all (an enrolled clinic that never synced
    /// is the first thing to chase). A revoked clinic is never stale.
    public func isStale(nowMillis: Int64, silenceMillis: Int64) -> Bool {
        guard !revoked else { return false }
        guard let lastSyncAtMillis else { return true }
        return nowMillis - lastSyncAtMillis > silenceMillis
    }

    /// Clinics in the order an administrator reads them: the longest silent first (never
    /// synced before any that did), revoked clinics last, then by id.
    public static func bySilence(_ clinics: [ClinicHealth]) -> [ClinicHealth] {
        clinics.sorted { first, second in
            if first.revoked != second.revoked { return !first.revoked }
            let a = first.lastSyncAtMillis ?? Int64.min, b = second.lastSyncAtMillis ?? Int64.min
            return a != b ? a < b : first.clinicID < second.clinicID
        }
    }

    private enum CodingKeys: String, CodingKey {
        case clinicID = "clinic_id", name, enrolledAtMillis = "enrolled_at", revokedAtMillis = "revoked_at", revoked
        case lastSyncAtMillis = "last_sync_at", sites, refusedChanges = "refused_changes"
        case refusedByReason = "refused_by_reason", openConflicts = "open_conflicts", claimsByStatus = "claims_by_status"
        case recentSyncs = "recent_syncs"
    }
}
