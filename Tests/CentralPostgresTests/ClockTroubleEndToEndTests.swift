import CLITesting
import ClinicStore
import Foundation
import SyncModel
import Testing

extension PostgresSuites {
    /// Issue 27 on both central backends: the clinic is the built `clinicsync` with its clock
    /// shifted (`CLINICSYNC_CLOCK_OFFSET_MS`), the central node a served backend on SQLite or
    /// PostgreSQL on the real clock. A clock that jumped ahead and was put right never locks the
    /// clinic out; a clock behind is told, and its edits are kept in conflicts.
    @Suite struct ClockTroubleEndToEndTests {
        @Test(arguments: CentralKind.available)
        func aClockThatJumpedAheadAndWasPutRightSyncsEverything(_ kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind, processes: 1)
            let token = try await world.central.enroll(clinicID: "alpha", name: nil)
            let clinic = ClinicCLI(folder: world.folder, name: "alpha")
            let claim = try clinic.setUp(clinic: "alpha", server: world.nodes[0].url, token: token)
            _ = try clinic.sync()

            let story = try clinic.clockJumpedAheadThenCorrected(claim: claim)
            let restamped = story.sync["restamped"] as? Int ?? 0
            #expect(restamped >= 4 && story.sync["pushed"] as? Int == restamped, "\(story.sync) \(story.syncExit.stderr)")
            #expect(try await world.central.row("patient", id: story.earlyPatient) != nil)
            #expect(try await world.central.row("patient", id: story.latePatient) != nil)
            #expect(try await world.central.row("claim", id: claim)?["notes"] == .text("typed after the clock was put right"))

            // Later changes are stamped by the wall clock again, and arrive as usual.
            let before = ClinicCLI.nowMillis
            _ = try clinic.json(["claim", "set", claim, "notes", "the next change"])
            let next = try #require(try clinic.noteHistory(claim: claim).last)
            #expect(next.at >= before - 1_000 && next.at <= ClinicCLI.nowMillis + 1_000 && next.restampedFrom == nil)
            let again = try clinic.sync()
            #expect(again.summary["restamped"] as? Int == 0 && again.summary["pushed"] as? Int == 1)
            #expect(try await world.central.row("claim", id: claim)?["notes"] == .text("the next change"))
            #expect(try await world.central.openConflicts().isEmpty)
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func aClockBehindIsToldAndItsEditsAreKeptInConflicts(_ kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind, processes: 1)
            let token = try await world.central.enroll(clinicID: "alpha", name: nil)
            let clinic = ClinicCLI(folder: world.folder, name: "alpha")
            let behind = -30 * ClinicCLI.day
            let claim = try clinic.setUp(clinic: "alpha", server: world.nodes[0].url, token: token, clockOffset: behind)
            _ = try clinic.sync(clockOffset: behind)

            try await world.central.edit("claim", row: claim, field: "notes", value: .text("central office note"))
            _ = try clinic.json(["claim", "set", claim, "notes", "typed with the clock behind"], clockOffset: behind)
            let synced = try clinic.sync(clockOffset: behind)
            #expect(synced.exit.stderr.contains("behind the central node's") && synced.exit.stderr.contains("kept in conflicts"),
                    "\(synced.exit.stderr)")
            #expect((synced.summary["clock"] as? [String: Any])?["direction"] as? String == "behind")
            let conflicts = try await world.central.openConflicts()
            #expect(conflicts.count == 1 && conflicts.first?.loser.value == .text("typed with the clock behind"))
            #expect(try await world.central.row("claim", id: claim)?["notes"] == .text("central office note"))
            let here = try #require(try clinic.json(["conflicts", "list"]) as? [[String: Any]])
            #expect(here.map { $0["id"] as? String } == conflicts.map(\.id))
            await world.stop()
        }
    }
}
