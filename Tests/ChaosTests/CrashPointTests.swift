import CLITesting
import ClinicStore
import Foundation
import Testing

/// DESIGN §8 crashes at exact points: a real `clinicsync sync` or `clinicsync serve` process
/// kills itself with SIGKILL at a named ``CrashPoint`` (`CLINICSYNC_CRASH_AT`) in the middle of a
/// sync; after a restart, syncing to quiescence loses nothing and applies nothing twice.
///
/// The workload makes the points bite: 2,100 patients at alpha's front desk travel in three push
/// batches and reach alpha's back office in two pull pages; both alpha sites edit the same claim
/// note offline (a conflict); clinic beta works alongside.
@Suite(.serialized, .timeLimit(.minutes(5))) struct CrashPointTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let point: CrashPoint
        let arrival: Int

        var armed: String { arrival == 1 ? point.rawValue : "\(point.rawValue):\(arrival)" }
        var onServer: Bool { point == .serverMidPush || point == .serverAfterPushCommit }
        var duringPull: Bool { point == .clientMidPullApply || point == .clientAfterPullCommit }
        var testDescription: String { armed }
    }

    static let cases: [Case] = [
        Case(point: .clientAfterPushReply, arrival: 1),
        Case(point: .clientAfterPushReply, arrival: 3),
        Case(point: .clientMidPushRecord, arrival: 2),
        Case(point: .serverMidPush, arrival: 1),
        Case(point: .serverMidPush, arrival: 2),
        Case(point: .serverAfterPushCommit, arrival: 1),
        Case(point: .serverAfterPushCommit, arrival: 3),
        Case(point: .clientMidPullApply, arrival: 1),
        Case(point: .clientMidPullApply, arrival: 2),
        Case(point: .clientAfterPullCommit, arrival: 1),
        Case(point: .clientAfterPullCommit, arrival: 2),
    ]

    static let frontDeskPatients = 2_100

    @Test(arguments: cases)
    func killedAtAPointResumesWithNothingLostAndNothingTwice(_ crash: Case) throws {
        let world = try ChaosWorld.start()
        defer { world.stop() }
        let front = world.site("alpha-front"), back = world.site("alpha-back"), beta = world.site("beta-desk")
        let claim = try Workload.seedClaim(at: front.store, tag: "front")
        try world.requireSync(front)
        try world.requireSync(back)

        try Workload.addPatients(Self.frontDeskPatients, at: front.store, tag: "front")
        _ = try front.store.setClaimField(claim, field: .notes, value: "front desk")
        try Workload.addPatients(40, at: back.store, tag: "back")
        _ = try back.store.setClaimField(claim, field: .notes, value: "back office")
        try Workload.addPatients(25, at: beta.store, tag: "beta")
        if crash.duringPull { try world.requireSync(front) }

        let victim = crash.duringPull ? back : front
        if crash.onServer {
            world.server.kill9()
            try world.server.start(crashAt: crash.armed)
        }
        let exit = try world.sync(victim, crashAt: crash.onServer ? nil : crash.armed)
        if crash.onServer {
            let server = world.server.waitForDeath()
            #expect(server?.crashed(at: crash.point.rawValue) == true, "the server never reached \(crash.armed): \(String(describing: server))")
            #expect(exit.refused(code: ExitCodes.unavailable), "the sync did not fail with one clear error line: \(exit)")
        } else {
            #expect(exit.crashed(at: crash.point.rawValue), "the sync never reached \(crash.armed): \(exit)")
        }

        try world.settle()
        let report = try world.verify()
        #expect(report.isClean, "\(report)")
        let alphaPatients = try StoreProbe.int(world.centralPath, "SELECT count(*) FROM patient WHERE owner = 'alpha'")
        #expect(alphaPatients == Self.frontDeskPatients + 40 + 1)
        #expect(try StoreProbe.int(back.path, "SELECT count(*) FROM patient") == alphaPatients)
        // Both notes typed offline survive: one is the claim's note, the other the loser of a conflict.
        for site in [world.centralPath, front.path, back.path] {
            let kept = try StoreProbe.rows(site, "SELECT notes FROM claim WHERE id = ?", [claim]).map { $0[0] }
            let lost = try StoreProbe.rows(site, "SELECT loser_value FROM conflict WHERE row_id = ? AND field = 'notes'",
                                           [claim]).map { $0[0] }
            #expect(Set(kept + lost) == ["front desk", "back office"], "at \(site)")
        }
        ChaosFigures.report("crash at \(crash.armed)", [
            "crashes_injected": 1, "changes_delivered": report.delivered, "data_lost": report.lost.count,
            "applied_twice": report.appliedTwice.count,
        ])
    }
}
