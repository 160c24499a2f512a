import CommandSupport
import Doctor
import Testing

/// `clinicsync doctor`'s checks as pure functions of gathered facts, from tables of cases.
@Suite struct DoctorChecksTests {
    static let now: Int64 = 1_780_000_000_000
    static let hour: Int64 = 3_600_000

    /// A clinic that synced a minute ago and has nothing waiting.
    static func healthy() -> DoctorFacts {
        var facts = DoctorFacts(path: "/data/alpha.sqlite", nowMillis: now)
        facts.role = "clinic"
        facts.clinicID = "alpha"
        facts.quickCheck = ["ok"]
        facts.appliedMigrations = ["v1", "v2"]
        facts.knownMigrations = ["v1", "v2"]
        facts.freeDiskBytes = 20_000_000_000
        facts.fileMode = 0o600
        facts.serverURL = "https://central.example"
        facts.remote = .accepted(clockDifferenceMillis: 120)
        facts.lastSyncMillis = now - 60_000
        return facts
    }

    static func result(_ id: String, _ facts: DoctorFacts) -> HealthCheck? {
        DoctorChecks.all(facts).first { $0.id == id }
    }

    @Test func aHealthyClinicIsAllOkAndExitsZero() {
        let checks = DoctorChecks.all(Self.healthy())
        #expect(checks.map(\.id) == ["integrity", "schema", "disk", "file_mode", "remote", "token", "clock", "outbox",
                                     "last_sync", "refused", "site", "conflicts"])
        #expect(checks.allSatisfy { $0.result == .ok && $0.advice == nil }, "\(checks)")
        let report = DoctorReport(facts: Self.healthy(), checks: checks)
        #expect(report.result == .ok && report.exitCode == 0)
    }

    /// (what changes, check id, result, words in the summary, exit code of the whole report)
    static let cases: [(String, @Sendable (inout DoctorFacts) -> Void, String, HealthResult, String, Int32)] = [
        ("damaged", { $0.quickCheck = ["*** in database main ***", "Page 4: btree"] }, "integrity", .fail, "2 problem(s)", 4),
        ("newer store", { $0.appliedMigrations = ["v1", "v2", "v3"] }, "schema", .fail, "newer ClinicSync", 4),
        ("not migrated", { $0.appliedMigrations = ["v1"] }, "schema", .fail, "v2 not applied", 4),
        ("disk low", { $0.freeDiskBytes = 300_000_000 }, "disk", .warn, "300 MB free", 1),
        ("disk full", { $0.freeDiskBytes = 10_000_000 }, "disk", .fail, "10 MB free", 4),
        ("readable by others", { $0.fileMode = 0o644 }, "file_mode", .warn, "0644", 1),
        ("writable by anyone", { $0.fileMode = 0o666 }, "file_mode", .fail, "0666", 4),
        ("no remote", { $0.remote = .notConfigured }, "remote", .warn, "no central node", 1),
        ("unreachable", { $0.remote = .unreachable("connection refused") }, "remote", .fail, "connection refused", 3),
        ("node down", { $0.remote = .unavailable(status: 503, message: "database down") }, "remote", .fail, "HTTP 503", 3),
        ("revoked", { $0.remote = .refused(status: 401, code: "unauthorized", message: "token revoked") }, "token", .fail,
         "HTTP 401", 1),
        ("clock ahead", { $0.remote = .accepted(clockDifferenceMillis: 6 * 60_000) }, "clock", .fail, "6 min ahead of", 1),
        ("clock behind", { $0.remote = .accepted(clockDifferenceMillis: -(2 * hour)) }, "clock", .fail, "2 h behind", 1),
        ("clock drifting", { $0.remote = .accepted(clockDifferenceMillis: -(3 * 60_000)) }, "clock", .warn, "3 min behind", 1),
        ("clock close", { $0.remote = .accepted(clockDifferenceMillis: 90_000) }, "clock", .ok, "1 min 30 s ahead", 0),
        ("fresh outbox", { $0.outboxCount = 12; $0.outboxOldestMillis = now - hour }, "outbox", .ok, "12 change(s)", 0),
        ("stale outbox", { $0.outboxCount = 3; $0.outboxOldestMillis = now - 26 * hour }, "outbox", .warn, "1 d 2 h old", 1),
        ("week-old outbox", { $0.outboxCount = 3; $0.outboxOldestMillis = now - 8 * 24 * hour }, "outbox", .fail, "8 d old", 1),
        ("never synced", { $0.lastSyncMillis = nil }, "last_sync", .warn, "never", 1),
        ("long since synced", { $0.lastSyncMillis = now - 4 * 24 * hour }, "last_sync", .warn, "4 d ago", 1),
        ("refusals", { $0.refusedChanges = 2 }, "refused", .warn, "2 change(s) refused", 1),
        ("restored", { $0.restoredAtMillis = now - hour }, "site", .warn, "restored from a backup 1 h ago", 1),
        ("recovered", { $0.lastRecovery = "Site a-1: moved"; $0.lastRecoveryMillis = now - 2 * hour }, "site", .ok,
         "last recovery 2 h ago: Site a-1: moved", 0),
        ("new conflict", { $0.openConflicts = 1; $0.oldestConflictMillis = now - hour }, "conflicts", .warn, "1 open, oldest 1 h", 1),
        ("old conflicts", { $0.openConflicts = 4; $0.oldestConflictMillis = now - 40 * 24 * hour }, "conflicts", .fail, "40 d", 1),
    ]

    @Test(arguments: 0..<cases.count)
    func eachFindingHasItsResultAdviceAndExitCode(_ index: Int) throws {
        let (label, change, id, result, words, exitCode) = Self.cases[index]
        var facts = Self.healthy()
        change(&facts)
        let check = try #require(Self.result(id, facts), "\(label)")
        #expect(check.result == result, "\(label): \(check)")
        #expect(check.summary.contains(words), "\(label): \(check.summary)")
        #expect((check.advice != nil) == (result > .ok), "\(label): one line of advice when not ok")
        #expect(!(check.advice ?? "").contains("\n"))
        let report = DoctorReport(facts: facts, checks: DoctorChecks.all(facts))
        #expect(report.exitCode == exitCode, "\(label)")
    }

    @Test func anUnreachableNodeSkipsTheTokenAndClock() {
        var facts = Self.healthy()
        facts.remote = .unreachable("timeout")
        let checks = DoctorChecks.all(facts)
        #expect(checks.first { $0.id == "token" }?.result == .skipped)
        #expect(checks.first { $0.id == "clock" }?.result == .skipped)
    }

    @Test func aStoreThatWillNotOpenIsOneFailedCheckAndExitFour() {
        var facts = DoctorFacts(path: "/nope.sqlite", nowMillis: Self.now)
        facts.openError = "no ClinicSync store at /nope.sqlite"
        let report = DoctorReport(facts: facts, checks: DoctorChecks.all(facts))
        #expect(report.checks.map(\.id) == ["store"] && report.result == .fail && report.exitCode == 4)
    }

    @Test func aCentralStoreHasNoSyncChecks() {
        var facts = Self.healthy()
        facts.role = "central"
        #expect(DoctorChecks.all(facts).map(\.id) == ["integrity", "schema", "disk", "file_mode", "conflicts"])
    }

    @Test func theMostSeriousFailureDecidesTheExitCode() {
        func check(_ result: HealthResult, _ area: HealthArea) -> HealthCheck {
            HealthCheck(id: "x", result: result, area: area, summary: "")
        }
        #expect(DoctorReport.exitStatus(of: [check(.ok, .store), check(.skipped, .network)]) == .ok)
        #expect(DoctorReport.exitStatus(of: [check(.warn, .store), check(.ok, .network)]) == .findings)
        #expect(DoctorReport.exitStatus(of: [check(.fail, .sync), check(.warn, .store)]) == .findings)
        #expect(DoctorReport.exitStatus(of: [check(.fail, .sync), check(.fail, .network)]) == .unavailable)
        #expect(DoctorReport.exitStatus(of: [check(.fail, .network), check(.fail, .store)]) == .store)
    }

    @Test func theHumanReportHasOneLinePerCheckAdviceAndTheVerdict() {
        var facts = Self.healthy()
        facts.fileMode = 0o644
        let text = DoctorReport(facts: facts, checks: DoctorChecks.all(facts)).rendered()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "clinic alpha: /data/alpha.sqlite")
        #expect(lines.contains { $0.hasPrefix("  warn  file mode ") && $0.contains("0644") })
        #expect(lines.contains { $0.contains("-> chmod 600 /data/alpha.sqlite") })
        #expect(lines.last == "WARN (1 warn), exit 1")
        #expect(lines.count == 1 + 12 + 1 + 1)
    }

    @Test(arguments: [(Int64(0), "0 s"), (45_000, "45 s"), (90_000, "1 min 30 s"), (3_600_000, "1 h"),
                      (93_600_000, "1 d 2 h"), (172_800_000, "2 d"), (-5, "0 s")])
    func durationsReadLikeAPersonWouldSayThem(_ millis: Int64, _ text: String) {
        #expect(DoctorChecks.duration(millis) == text)
    }
}

/// The network library's words, made plain for the remote check.
@Suite struct RemoteReasonTests {
    @Test(arguments: [
        ("connection reset (error set): Connection refused) (errno: 111)", "connection refused"),
        ("HTTPClientError.connectTimeout", "timed out"),
        ("NIOConnectionError: DNS lookup failed", "unknown host"),
        ("NIOSSLError.handshakeFailed", "TLS handshake failed"),
        ("something new", "something new"),
    ])
    func reasonsArePlain(_ detail: String, _ reason: String) {
        #expect(RemoteProbe.plainReason(detail) == reason)
    }
}
