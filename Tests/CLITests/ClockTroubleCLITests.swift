import CLITesting
import Foundation
import Testing

/// Issue 27 through the built binary and a real `serve` process (SQLite central store): a wrong
/// clock never locks a clinic out, and a clock behind is told and loses nothing. The clinic's
/// clock is shifted with `CLINICSYNC_CLOCK_OFFSET_MS`; the central node runs on the real clock.
@Suite struct ClockTroubleCLITests {
    static let day = ClinicCLI.day

    /// Whether `text` says `before` 30 days `after` (`30 d`, or `29 d 23 h` a moment short of it).
    static func thirtyDays(_ text: String, _ before: String, _ after: String) -> Bool {
        // 30 days, give or take the seconds a loaded machine spends between the clock readings.
        guard let start = text.range(of: before), let end = text.range(of: after, range: start.upperBound..<text.endIndex)
        else { return false }
        let size = text[start.upperBound..<end.lowerBound]
        return size.hasPrefix("30 d") || size.hasPrefix("29 d 23 h")
    }

    /// A central store served by `clinicsync serve`, and one enrolled clinic's token.
    struct Office {
        let cli: CLIRunner
        let central: String
        let server: ServeProcess
        let token: String

        init() throws {
            cli = try CLIRunner()
            central = cli.folder.appendingPathComponent("central.sqlite").path
            let tokenFile = cli.folder.appendingPathComponent("admin.token")
            try "admin-token-for-the-clock-test-0123".write(to: tokenFile, atomically: true, encoding: .utf8)
            let created = try cli.run(["init", "--central"], store: central)
            guard created.succeeded else { throw CLIRunner.Failure(arguments: ["init", "--central"], result: created) }
            server = try ServeProcess.start(store: central, adminTokenFile: tokenFile.path, folder: cli.folder)
            let enrolled = try cli.run(["admin", "enroll", "--clinic", "clinic-a", "--json"], store: central)
            token = try #require((try enrolled.json() as? [String: Any])?["token"] as? String)
        }

        /// How many pushes the central node refused with a 422 (`clock_skew`), from `GET /metrics`.
        func refusedPushes() throws -> Int {
            let exit = try ChildProcess(URL(fileURLWithPath: "/usr/bin/curl"), ["-sf", server.url.appendingPathComponent("metrics").absoluteString],
                                        in: cli.folder).wait(timeout: 30)
            let line = exit.stdout.split(separator: "\n").first {
                $0.hasPrefix("clinicsync_http_requests_total") && $0.contains("status=\"422\"") && $0.contains("push")
            }
            return line.flatMap { $0.split(separator: " ").last.flatMap { Int(Double(String($0)) ?? 0) } } ?? 0
        }

        /// `clinicsync ARGS --json --store central.sqlite`, parsed.
        func central(_ arguments: [String]) throws -> Any {
            let result = try cli.run(arguments + ["--json"], store: central)
            guard result.status == 0 else { throw CLIRunner.Failure(arguments: arguments, result: result) }
            return try result.json()
        }
    }

    @Test func aClockThatJumpedAheadAndWasPutRightNeverLocksTheClinicOut() throws {
        let office = try Office()
        defer { office.server.stop() }
        let clinic = ClinicCLI(folder: office.cli.folder)
        let claim = try clinic.setUp(clinic: "clinic-a", server: office.server.url, token: office.token)
        _ = try clinic.sync()

        let story = try clinic.clockJumpedAheadThenCorrected(claim: claim)
        // Before the sync, status says the changes were stamped ahead.
        #expect(Self.thirtyDays(story.statusBeforeSync.stderr, "Warning: changes here were stamped up to ", " ahead"),
                "\(story.statusBeforeSync.stderr)")
        // The sync re-stamps the four unsynced changes and delivers them: no lock-out.
        let restamped = story.sync["restamped"] as? Int ?? 0
        #expect(restamped >= 4 && story.sync["pushed"] as? Int == restamped, "\(story.sync)")
        #expect((story.sync["clock"] as? [String: Any])?["direction"] as? String == "in_step")
        #expect(!story.syncExit.stderr.contains("Warning"), "\(story.syncExit.stderr)")
        // Seen before pushing (the hybrid clock far ahead of the machine's): not one push was refused.
        #expect(try office.refusedPushes() == 0)
        let patients = try #require(try office.central(["patient", "list"]) as? [[String: Any]])
        #expect(Set(patients.compactMap { $0["id"] as? String }).isSuperset(of: [story.earlyPatient, story.latePatient]))
        let atCentral = try #require(try office.central(["claim", "show", claim]) as? [String: Any])
        #expect(atCentral["notes"] as? String == "typed after the clock was put right")

        // The audit trail says both notes were re-stamped, from a stamp 30 days ahead.
        let history = try clinic.noteHistory(claim: claim)
        #expect(history.count == 2 && history.allSatisfy { ($0.restampedFrom ?? 0) > ClinicCLI.nowMillis + 29 * Self.day },
                "\(history)")
        // The clinic's later changes are stamped normally again, and sync with nothing to re-stamp.
        let before = ClinicCLI.nowMillis
        _ = try clinic.json(["claim", "set", claim, "notes", "the next change"])
        let after = ClinicCLI.nowMillis
        let next = try #require(try clinic.noteHistory(claim: claim).last)
        #expect(next.at >= before - 1_000 && next.at <= after + 1_000 && next.restampedFrom == nil, "\(next)")
        let again = try clinic.sync()
        #expect(again.summary["restamped"] as? Int == 0 && again.summary["pushed"] as? Int == 1)
        let status = try clinic.run(["status"])
        #expect(status.status == 0 && !status.stderr.contains("Warning") && status.stdout.contains("in step"), "\(status)")
        let shown = try office.central(["claim", "show", claim]) as? [String: Any]
        #expect(shown?["notes"] as? String == "the next change")
    }

    /// The clock still 30 days ahead at sync time: the central node refuses the push for clock skew,
    /// the sync re-stamps from the clock that refusal carried and delivers, and warns.
    @Test func aClockStillAheadIsWarnedAndItsChangesStillArrive() throws {
        let office = try Office()
        defer { office.server.stop() }
        let clinic = ClinicCLI(folder: office.cli.folder)
        let claim = try clinic.setUp(clinic: "clinic-a", server: office.server.url, token: office.token)
        _ = try clinic.sync()
        let ahead = 30 * Self.day
        let patient = try clinic.addPatient("StillAhead", clockOffset: ahead)
        let synced = try clinic.sync(clockOffset: ahead)
        #expect(synced.summary["restamped"] as? Int == 1 && synced.summary["pushed"] as? Int == 1, "\(synced.summary)")
        // One refusal for clock skew, then the push of the re-stamped change went through.
        #expect(try office.refusedPushes() == 1)
        #expect(Self.thirtyDays(synced.exit.stderr, "Warning: this machine's clock is ", " ahead of the central node's"),
                "\(synced.exit.stderr)")
        let patients = try #require(try office.central(["patient", "list"]) as? [[String: Any]])
        #expect(patients.contains { $0["id"] as? String == patient })
        let status = try clinic.run(["status"], clockOffset: ahead)
        #expect(Self.thirtyDays(status.stderr, "Warning: at the last sync, this machine's clock is ", " ahead"), "\(status.stderr)")
        _ = claim
    }

    /// DESIGN §5 rule 6 with a clinic whose clock is 30 days behind: the sync says so, the clinic's
    /// edit loses to the central office's later one, and its value is kept in a conflict at both ends.
    @Test func aClockBehindIsWarnedAndItsEditsAreKeptInConflicts() throws {
        let office = try Office()
        defer { office.server.stop() }
        let clinic = ClinicCLI(folder: office.cli.folder)
        let behind = -30 * Self.day
        let claim = try clinic.setUp(clinic: "clinic-a", server: office.server.url, token: office.token, clockOffset: behind)
        let first = try clinic.sync(clockOffset: behind)
        #expect(Self.thirtyDays(first.exit.stderr, "Warning: this machine's clock is ", " behind the central node's"),
                "\(first.exit.stderr)")
        #expect((first.summary["clock"] as? [String: Any])?["direction"] as? String == "behind")

        _ = try office.central(["claim", "set", claim, "notes", "central office note"])
        _ = try clinic.json(["claim", "set", claim, "notes", "typed with the clock behind"], clockOffset: behind)
        let patient = try clinic.addPatient("Behind", clockOffset: behind)
        let synced = try clinic.sync(clockOffset: behind)
        #expect(Self.thirtyDays(synced.exit.stderr, "Warning: this machine's clock is ", " behind"), "\(synced.exit.stderr)")
        #expect(synced.exit.stderr.contains("kept in conflicts"))
        #expect(synced.summary["conflicts_created"] as? Int ?? 0 >= 1, "\(synced.summary)")

        // Nothing lost: the clinic's value is the loser of an open conflict at both ends.
        let here = try #require(try clinic.json(["conflicts", "list"]) as? [[String: Any]])
        let there = try #require(try office.central(["conflicts", "list"]) as? [[String: Any]])
        for conflicts in [here, there] {
            #expect(conflicts.count == 1, "\(conflicts)")
            #expect(conflicts.first?["loser"] as? String == #""typed with the clock behind""#)
            #expect(conflicts.first?["winner"] as? String == #""central office note""#)
        }
        let patients = try #require(try office.central(["patient", "list"]) as? [[String: Any]])
        #expect(patients.contains { $0["id"] as? String == patient })
        let status = try clinic.run(["status"], clockOffset: behind)
        #expect(Self.thirtyDays(status.stderr, "Warning: at the last sync, this machine's clock is ", " behind"), "\(status.stderr)")
    }
}
