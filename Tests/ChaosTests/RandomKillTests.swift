import CLITesting
import ClinicStore
import Foundation
import Testing

/// DESIGN §8 crashes at any point: seeded rounds of offline work at three clinic sites, each
/// followed by a real `clinicsync sync` that is SIGKILLed after a random delay, or whose server
/// is SIGKILLed (and restarted), or that runs to its end — while a coder keeps writing at the
/// syncing site. After the last round the sites sync to quiescence; nothing may be lost, applied
/// twice, or differ between replicas. `CLINICSYNC_CHAOS_SEED` replays a run,
/// `CLINICSYNC_CHAOS_ROUNDS` (default 30) sets its length.
@Suite(.timeLimit(.minutes(15))) struct RandomKillTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["CLINICSYNC_CHAOS_SEED"].flatMap(UInt64.init) ?? 20_261_129
    static let rounds = environment["CLINICSYNC_CHAOS_ROUNDS"].flatMap(Int.init) ?? 30

    @Test func randomKillsOfClientAndServerLoseNothing() throws {
        var random = SeededRandom(state: Self.seed)
        let world = try ChaosWorld.start()
        defer { world.stop() }
        let front = world.site("alpha-front"), back = world.site("alpha-back"), beta = world.site("beta-desk")
        let alphaClaim = try Workload.seedClaim(at: front.store, tag: "front")
        let betaClaim = try Workload.seedClaim(at: beta.store, tag: "beta")
        for site in world.sites { try world.requireSync(site) }
        let claims = [front.name: [alphaClaim], back.name: [alphaClaim], beta.name: [betaClaim]]

        var clientKills = 0, serverKills = 0, completed = 0, failedCleanly = 0
        for round in 0..<Self.rounds {
            for _ in 0..<Int(random.next() % 25) {
                let site = world.sites[Int(random.next() % 3)]
                try Workload.randomEdit(at: site.store, claims: claims[site.name]!, random: &random, tag: "\(site.name)-\(round)")
            }
            if random.next() % 4 == 0 {
                let site = world.sites[Int(random.next() % 3)]
                try Workload.addPatients(400 + Int(random.next() % 800), at: site.store, tag: "\(site.name)-bulk-\(round)")
            }
            let site = world.sites[Int(random.next() % 3)]
            let victim = random.next() % 10  // 0–4 the client, 5–7 the server, 8–9 nobody
            var delay = Double(random.next() % 400) / 1000
            if victim <= 7 {
                // A kill lands while this sync still has work on the wire, however fast the
                // machine: 600 more changes to push; a server dies within the sync's first 50 ms.
                try Workload.addPatients(600, at: site.store, tag: "\(site.name)-victim-round-\(round)")
                if victim >= 5 { delay = min(delay, 0.05) }
            }
            let sync = try world.startSync(site)
            let deadline = Date().addingTimeInterval(delay)
            while Date() < deadline, sync.isRunning {  // the coder keeps working during the sync
                try Workload.randomEdit(at: site.store, claims: claims[site.name]!, random: &random, tag: "\(site.name)-live")
                usleep(20_000)
            }
            switch victim {
            case 0...4:
                // Killed mid-sync, or it had already ended by itself: then it must have succeeded.
                let exit = sync.kill9()
                if exit.wasKilled {
                    clientKills += 1
                } else {
                    #expect(exit.succeeded, "seed \(Self.seed), round \(round): a sync that was not killed failed: \(exit)")
                    completed += 1
                }
            case 5...7:
                let wasSyncing = sync.isRunning
                world.server.kill9()
                let exit = sync.wait(timeout: 60)
                if wasSyncing { serverKills += 1 }
                if exit.succeeded {
                    completed += 1
                } else {
                    #expect(exit.refused(code: ExitCodes.unavailable),
                            "seed \(Self.seed), round \(round): a failed sync says why in one line: \(exit)")
                    failedCleanly += 1
                }
                try world.server.start()
            default:
                let exit = sync.wait(timeout: 60)
                #expect(exit.succeeded, "seed \(Self.seed), round \(round): \(exit)")
                completed += 1
            }
        }

        // The chaos must have happened: both kinds of kill hit a running sync.
        #expect(clientKills > 0, "seed \(Self.seed): no client was killed mid-sync in \(Self.rounds) rounds")
        #expect(serverKills > 0, "seed \(Self.seed): no server was killed mid-sync in \(Self.rounds) rounds")
        try world.settle()
        let report = try world.verify()
        #expect(report.isClean, "seed \(Self.seed): \(report)")
        ChaosFigures.report("random kills, seed \(Self.seed), \(Self.rounds) rounds", [
            "crashes_injected": clientKills + serverKills, "client_kills_mid_sync": clientKills,
            "server_kills_mid_sync": serverKills, "syncs_failed_cleanly": failedCleanly, "syncs_completed": completed,
            "changes_delivered": report.delivered, "data_lost": report.lost.count, "applied_twice": report.appliedTwice.count,
        ])
    }
}
