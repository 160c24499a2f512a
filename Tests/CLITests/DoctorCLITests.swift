import CLITesting
import Foundation
import Testing

/// `clinicsync doctor` through the built binary against a real `serve` process: a healthy
/// clinic, a stale outbox, an unreachable central node and a revoked token, each with its
/// result and exit code (README, "Exit codes").
@Suite struct DoctorCLITests {
    static let adminToken = "admin-token-for-the-test-0123456789"

    /// A central store served on loopback and an enrolled clinic that has synced once.
    struct World {
        let cli: CLIRunner
        let central: String
        let server: ServeProcess

        init() throws {
            cli = try CLIRunner()
            central = cli.folder.appendingPathComponent("central.sqlite").path
            let tokenFile = cli.folder.appendingPathComponent("admin.token")
            try DoctorCLITests.adminToken.write(to: tokenFile, atomically: true, encoding: .utf8)
            #expect(try cli.run(["init", "--central"], store: central).status == 0)
            server = try ServeProcess.start(store: central, adminTokenFile: tokenFile.path, folder: cli.folder)
            let enrolled = try cli.run(["admin", "enroll", "--clinic", "clinic-a", "--json"], store: central)
            let token = try #require((try enrolled.json() as? [String: Any])?["token"] as? String)
            #expect(try cli.run(["init", "--clinic", "clinic-a"]).status == 0)
            #expect(try cli.run(["remote", "set", "--server", server.url.absoluteString, "--token", token]).status == 0)
            _ = try cli.json(["patient", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-02-03", "--sex", "F",
                              "--member-id", "MX1"])
            let synced = try cli.run(["sync"])
            #expect(synced.status == 0, "\(synced.stderr)")
        }

        /// `doctor --json`: the exit status and each check's result by id.
        func doctor() throws -> (status: Int32, result: String?, checks: [String: String], summaries: [String: String]) {
            let run = try cli.run(["doctor", "--json"])
            let report = try #require(try run.json() as? [String: Any], "\(run.stderr)")
            let checks = try #require(report["checks"] as? [[String: Any]])
            var results: [String: String] = [:], summaries: [String: String] = [:]
            for check in checks {
                let id = try #require(check["id"] as? String)
                results[id] = check["result"] as? String
                summaries[id] = check["summary"] as? String
            }
            #expect(report["exit_code"] as? Int == Int(run.status))
            return (run.status, report["result"] as? String, results, summaries)
        }
    }

    static let clinicChecks = ["integrity", "schema", "disk", "file_mode", "remote", "token", "clock", "outbox", "last_sync",
                               "refused", "site", "conflicts"]

    @Test func aHealthyClinicIsAllOk() throws {
        let world = try World()
        defer { world.server.stop() }
        let doctor = try world.doctor()
        #expect(doctor.status == 0 && doctor.result == "ok", "\(doctor)")
        #expect(Set(doctor.checks.keys) == Set(Self.clinicChecks))
        #expect(doctor.checks.values.allSatisfy { $0 == "ok" }, "\(doctor.checks)")
        #expect(doctor.summaries["file_mode"] == "0600: owner only")
        let human = try world.cli.run(["doctor"])
        #expect(human.status == 0 && human.stdout.hasPrefix("clinic clinic-a: ") && human.stdout.contains("OK, exit 0"), "\(human.stdout)")

        let central = try world.cli.run(["doctor", "--json"], store: world.central)
        #expect(central.status == 0, "\(central.stdout)")
        let checks = try #require((try central.json() as? [String: Any])?["checks"] as? [[String: Any]])
        #expect(checks.compactMap { $0["id"] as? String } == ["integrity", "schema", "disk", "file_mode", "conflicts"])
    }

    @Test func aStaleOutboxWarnsAndExitsOne() throws {
        let world = try World()
        defer { world.server.stop() }
        _ = try world.cli.json(["patient", "add", "--first", "Bo", "--last", "Li", "--dob", "1970-05-06", "--sex", "M",
                                "--member-id", "MX2"])
        // The change was recorded two days ago: backdate it in the store, as a machine left offline would have it.
        let backdate = try ChildProcess(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                + "c.execute('UPDATE change_log SET recorded_at = recorded_at - 2*86400000 WHERE seq > (SELECT pushed_seq FROM sync_state)'); "
                + "c.commit()",
            world.cli.store,
        ], in: world.cli.folder).wait()
        #expect(backdate.status == 0, "\(backdate)")
        let doctor = try world.doctor()
        #expect(doctor.status == 1 && doctor.result == "warn", "\(doctor)")
        #expect(doctor.checks["outbox"] == "warn" && doctor.summaries["outbox"]?.contains("oldest 2 d") == true, "\(doctor.summaries)")
        #expect(doctor.checks.filter { $0.value != "ok" }.keys.sorted() == ["outbox"])
        let human = try world.cli.run(["doctor"])
        #expect(human.stdout.contains("-> run clinicsync sync") && human.stdout.contains("WARN (1 warn), exit 1"), "\(human.stdout)")
    }

    @Test func anUnreachableCentralNodeFailsAndExitsThree() throws {
        let world = try World()
        world.server.stop()
        let doctor = try world.doctor()
        #expect(doctor.status == 3 && doctor.result == "fail", "\(doctor)")
        #expect(doctor.checks["remote"] == "fail" && doctor.checks["token"] == "skip" && doctor.checks["clock"] == "skip")
        let offline = try world.cli.run(["doctor", "--offline", "--json"])
        #expect(offline.status == 0, "--offline leaves the node out: \(offline.stdout)")
    }

    @Test func aRevokedTokenFailsAndExitsOne() throws {
        let world = try World()
        defer { world.server.stop() }
        #expect(try world.cli.run(["admin", "revoke", "--clinic", "clinic-a"], store: world.central).status == 0)
        let doctor = try world.doctor()
        #expect(doctor.status == 1 && doctor.result == "fail", "\(doctor)")
        #expect(doctor.checks["remote"] == "ok" && doctor.checks["token"] == "fail" && doctor.summaries["token"]?.contains("401") == true,
                "\(doctor.summaries)")
        let human = try world.cli.run(["doctor"])
        #expect(human.stdout.contains("ask the central office for a new token"), "\(human.stdout)")
    }

    @Test func aClockAheadOfTheCentralNodeFails() throws {
        let world = try World()
        defer { world.server.stop() }
        // A skew limit of one second, and this machine's clock 30 s ahead (faketime): the clock check fails.
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/faketime"), "faketime is needed: run scripts/test.sh")
        let run = try ChildProcess(URL(fileURLWithPath: "/usr/bin/faketime"),
                                   ["-f", "+30s", Clinicsync.binary.path, "doctor", "--json", "--skew-limit", "1", "--store", world.cli.store],
                                   in: world.cli.folder).wait()
        let report = try #require(try run.json() as? [String: Any], "\(run)")
        let clock = try #require((report["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "clock" })
        #expect(run.status == 1 && clock["result"] as? String == "fail" && (clock["summary"] as? String)?.contains("ahead of") == true,
                "\(clock)")
    }
}
