import ClinicStore
import Foundation
import GRDB
import Testing

/// A fault of issue 27: alpha's front desk machine's clock jumps 30 days ahead while its coder
/// works, then is put right and the work goes on; the back office edits the same claim note and
/// beta works alongside. The front desk's next sync (a real `clinicsync sync` process) is killed
/// at a point of the recovery; after a restart, syncing to quiescence loses nothing, applies
/// nothing twice, re-stamps every change made after the jump exactly once, and the front desk is
/// never locked out.
@Suite(.serialized) struct ClockJumpTests {
    static let day: Int64 = 86_400_000
    static let ahead = 1_200, corrected = 900

    @Test(arguments: ["client-mid-restamp", "client-after-push-reply:2", "client-mid-push-record"])
    func aClockThatJumpedAheadThenWasPutRightLosesNothing(_ crashAt: String) throws {
        let world = try ChaosWorld.start()
        defer { world.stop() }
        let front = world.site("alpha-front"), back = world.site("alpha-back"), beta = world.site("beta-desk")
        let claim = try Workload.seedClaim(at: front.store, tag: "front")
        try world.requireSync(front)
        try world.requireSync(back)
        let pushedBefore = try front.store.syncStatus().pushedSeq

        // The same store file, as the front desk machine reads it with its clock 30 days ahead.
        let wrong = try LocalStore.open(at: front.path, clock: OffsetClock(offsetMillis: 30 * Self.day))
        try Workload.addPatients(Self.ahead, at: wrong, tag: "ahead")
        _ = try wrong.setClaimField(claim, field: .notes, value: "front desk, clock ahead")
        // Put right: the clock is, the hybrid clock still stamps 30 days ahead.
        try Workload.addPatients(Self.corrected, at: front.store, tag: "corrected")
        _ = try front.store.setClaimField(claim, field: .notes, value: "front desk, clock right")
        try Workload.addPatients(30, at: back.store, tag: "back")
        _ = try back.store.setClaimField(claim, field: .notes, value: "back office")
        try Workload.addPatients(20, at: beta.store, tag: "beta")
        let outbox = try front.store.syncStatus().outbox
        #expect(outbox == Self.ahead + Self.corrected + 2)

        let exit = try world.sync(front, crashAt: crashAt)
        #expect(exit.wasKilled, "the sync never reached \(crashAt): \(exit)")
        let restampedAtCrash = try StoreProbe.int(front.path, "SELECT count(*) FROM clock_restamp")
        if crashAt == "client-mid-restamp" {
            // Killed inside the re-stamp: nothing of it happened, the outbox is whole.
            #expect(restampedAtCrash == 0)
            #expect(try front.store.syncStatus().outbox == outbox)
        } else {
            #expect(restampedAtCrash == outbox)
        }

        try world.settle()
        let report = try world.verify()
        #expect(report.isClean, "\(report)")
        // Every change made after the jump was re-stamped once, and reached the central node with a sane stamp.
        #expect(try StoreProbe.int(front.path, "SELECT count(*) FROM clock_restamp") == outbox)
        let horizon = Int64(Date().timeIntervalSince1970 * 1000) + 5 * 60_000
        let newest = try StoreProbe.int(world.centralPath, "SELECT coalesce(max(hlc), 0) >> 16 FROM change_log WHERE site = ?",
                                        [front.store.identity.siteID])
        #expect(Int64(newest) <= horizon)
        let frontAtCentral = try StoreProbe.int(world.centralPath, """
            SELECT count(*) FROM change_log WHERE site = ? AND site_seq > ?
            """, [front.store.identity.siteID, pushedBefore])
        #expect(frontAtCentral >= outbox)
        let alphaPatients = try StoreProbe.int(world.centralPath, "SELECT count(*) FROM patient WHERE owner = 'alpha'")
        #expect(alphaPatients == 1 + Self.ahead + Self.corrected + 30)
        #expect(try StoreProbe.int(back.path, "SELECT count(*) FROM patient") == alphaPatients)
        // Both notes typed last at each site survive: one is the claim's note, the other a conflict's loser.
        for site in [world.centralPath, front.path, back.path] {
            let kept = try StoreProbe.rows(site, "SELECT notes FROM claim WHERE id = ?", [claim]).map { $0[0] }
            let lost = try StoreProbe.rows(site, "SELECT loser_value FROM conflict WHERE row_id = ? AND field = 'notes'",
                                           [claim]).map { $0[0] }
            #expect(Set(kept + lost) == ["front desk, clock right", "back office"], "at \(site)")
        }
        ChaosFigures.report("clock jumped ahead then corrected, crash at \(crashAt)", [
            "crashes_injected": 1, "changes_restamped": outbox, "changes_delivered": report.delivered,
            "data_lost": report.lost.count, "applied_twice": report.appliedTwice.count,
        ])
    }
}
