import Foundation
import Testing
import SyncModel

/// DESIGN §8 convergence, at the value level: random work at the central office and two or
/// three clinics, random sync schedules with lost, duplicated and replayed requests; after
/// syncing to quiescence every replica holds the same rows and conflicts and no write is lost.
///
/// `CLINICSYNC_SCHEDULES=N` runs N seeds (default 200). A failure names its seed; replay one
/// with `CLINICSYNC_SEED=S`.
@Suite struct ConvergenceTests {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["CLINICSYNC_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = environment["CLINICSYNC_SCHEDULES"].flatMap(Int.init).map { max($0, 1) } ?? 200
        return (1...count).map(UInt64.init)
    }

    @Test func replicasConvergeAndNoWriteIsLost() {
        var total = SimWorld.Stats()
        var failures = 0
        for seed in Self.seeds {
            var world = SimWorld(seed: seed)
            world.run(steps: 160 + Int(seed % 5) * 20)
            guard world.syncToQuiescence() else {
                Issue.record("seed \(seed): no quiescence after 25 full sync rounds (the merge keeps writing)")
                failures += 1
                continue
            }
            let breaches = world.invariantBreaches()
            if !breaches.isEmpty {
                Issue.record("seed \(seed): \(breaches.count) breaches, first: \(breaches.prefix(5).joined(separator: "; "))")
                failures += 1
            }
            world.countOutcomes()
            total.add(world.stats)
            if failures >= 5 { break }
        }
        // The schedules must reach every rule and every fault, or the property proves little.
        if Self.seeds.count >= 50 {
            for kind in ConflictKind.allCases {
                #expect(total.conflicts[kind, default: 0] > 0, "no \(kind.rawValue) conflict in any schedule")
            }
            #expect(total.reassertions > 0)
            #expect(total.resolutions > 0)
            #expect(total.lostRequests > 0 && total.lostResponses > 0)
            #expect(total.duplicatedPushes > 0 && total.replayedPushes > 0 && total.replayedPages > 0)
        }
        print("convergence: \(Self.seeds.count) schedules, conflicts \(total.conflicts.map { "\($0.key.rawValue)=\($0.value)" }.sorted()), "
            + "reassertions \(total.reassertions), resolutions \(total.resolutions), lost requests \(total.lostRequests), "
            + "lost responses \(total.lostResponses), replayed pushes \(total.replayedPushes), replayed pages \(total.replayedPages)")
    }
}
