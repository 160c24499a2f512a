import SyncModel
import Testing

/// The administrator's view (`admin clinics`): a clinic's health from what the node recorded,
/// the order clinics are listed in, staleness, `--stale` lengths and the enrollment rule.
@Suite struct ClinicHealthTests {
    static func activity(_ site: String, _ kind: SyncActivity.Kind, at: Int64, result: String = SyncActivity.ok,
                         refused: Int = 0) -> SyncActivity {
        SyncActivity(site: site, kind: kind, atMillis: at, durationMillis: 5, changes: 1, refused: refused, result: result)
    }

    @Test func aClinicsHealthComesFromItsSitesRequests() {
        let facts = ClinicHealth.Facts(
            clinicID: "alpha", name: "Alpha", enrolledAtMillis: 100, revokedAtMillis: nil,
            activities: [Self.activity("front", .push, at: 1_000), Self.activity("front", .pull, at: 1_100),
                         Self.activity("back", .push, at: 2_000, result: "clock_skew"), Self.activity("back", .pull, at: 900)],
            refusedByReason: ["read_only_table": 2, "forbidden": 0], openConflicts: 3, claimsByStatus: ["draft": 1, "paid": 0])
        let health = ClinicHealth(facts: facts, recentLimit: 3)
        #expect(health.lastSyncAtMillis == 2_000)
        #expect(health.sites.map(\.site) == ["back", "front"], "most recently seen first")
        let back = health.sites[0], front = health.sites[1]
        #expect(back.lastResult == "clock_skew" && back.lastPushAtMillis == nil && back.lastPullAtMillis == 900,
                "a failed push is not a last push")
        #expect(front.lastPushAtMillis == 1_000 && front.lastPullAtMillis == 1_100 && front.lastResult == "ok")
        #expect(health.refusedChanges == 2 && health.refusedByReason == ["read_only_table": 2])
        #expect(health.claimsByStatus == ["draft": 1] && health.openConflicts == 3)
        #expect(health.recentSyncs?.map(\.atMillis) == [2_000, 1_100, 1_000])
        #expect(ClinicHealth(facts: facts).recentSyncs == nil, "the list view carries no recent syncs")
    }

    static func clinic(_ id: String, lastSync: Int64?, revoked: Bool = false) -> ClinicHealth {
        ClinicHealth(facts: .init(clinicID: id, name: nil, enrolledAtMillis: 0, revokedAtMillis: revoked ? 5 : nil,
                                  activities: lastSync.map { [Self.activity("s-\(id)", .pull, at: $0)] } ?? []))
    }

    @Test func clinicsAreListedLongestSilentFirstRevokedLast() {
        let listed = ClinicHealth.bySilence([
            Self.clinic("fresh", lastSync: 9_000), Self.clinic("gone", lastSync: 1, revoked: true),
            Self.clinic("never", lastSync: nil), Self.clinic("old", lastSync: 1_000), Self.clinic("also-old", lastSync: 1_000),
        ])
        #expect(listed.map(\.clinicID) == ["never", "also-old", "old", "fresh", "gone"])
    }

    @Test(arguments: [
        ("synced 10 s ago, limit 1 min", Int64?(50_000), false, false),
        ("synced 2 min ago, limit 1 min", Int64?(-60_000), false, true),
        ("never synced", Int64?.none, false, true),
        ("revoked and silent", Int64?(-600_000), true, false),
        ("revoked, never synced", Int64?.none, true, false),
    ])
    func staleness(label: String, lastSync: Int64?, revoked: Bool, stale: Bool) {
        let clinic = Self.clinic("c", lastSync: lastSync, revoked: revoked)
        #expect(clinic.isStale(nowMillis: 60_000, silenceMillis: 60_000) == stale, "\(label)")
    }

    @Test(arguments: [("3d", Int64?(259_200_000)), ("12h", 43_200_000), ("30m", 1_800_000), ("45s", 45_000),
                      ("0d", nil), ("-1d", nil), ("3", nil), ("d", nil), ("3w", nil), ("1.5h", nil), ("", nil),
                      ("99999999999999999d", nil)])
    func silenceLimits(text: String, millis: Int64?) {
        #expect(SilenceLimit(text)?.millis == millis, "\(text)")
    }

    @Test(arguments: [
        (EnrollmentAction.enroll(reinstate: false), EnrollmentAction.Current.unknown, EnrollmentAction.Refusal?.none),
        (.enroll(reinstate: false), .active, nil),
        (.enroll(reinstate: false), .revoked, .revoked(hint: "give --reinstate to enroll it again")),
        (.enroll(reinstate: true), .revoked, nil),
        (.enroll(reinstate: true), .unknown, nil),
        (.rotate, .active, nil),
        (.rotate, .unknown, .notEnrolled),
        (.rotate, .revoked, .revoked(hint: "re-enroll it with `admin enroll --reinstate`")),
    ])
    func enrollmentActions(action: EnrollmentAction, current: EnrollmentAction.Current, refusal: EnrollmentAction.Refusal?) {
        #expect(action.refusal(for: current) == refusal)
    }
}
