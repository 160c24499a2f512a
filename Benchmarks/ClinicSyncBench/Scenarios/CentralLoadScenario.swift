import ClinicStore
import Foundation

/// Central load (DESIGN §7): `clinics` clinics, each with its own store and token, sync with
/// the one central node at the same moment. First each pushes a backlog of claims (bulk),
/// then each makes one edit and syncs again (the everyday case). Throughput counts changes
/// pushed per second of wall time; latency is each clinic's whole sync.
struct CentralLoadScenario {
    struct Round {
        var changes = 0
        var seconds = 0.0
        var latencies: [Double] = []
        var changesPerSecond: Double { seconds > 0 ? Double(changes) / seconds : 0 }
        var syncsPerSecond: Double { seconds > 0 ? Double(latencies.count) / seconds : 0 }
    }

    struct Figures {
        var clinics = 0
        var backlog = Round()
        var everyday = Round()
    }

    let world: BenchWorld
    let clinics: Int
    let linesPerClinic: Int
    let log: (String) -> Void

    func run() async throws -> Figures {
        var stores: [LocalStore] = []
        for index in 0..<clinics {
            let store = try await world.clinic(String(format: "load-%02d", index), file: String(format: "load-%02d", index))
            let workload = try ClinicWorkload.register(in: store, patients: 20, seed: UInt64(1_000 + index))
            _ = try store.enterClaims(workload.claims(lines: linesPerClinic, seed: UInt64(2_000 + index)), author: "bench")
            stores.append(store)
        }
        var figures = Figures(clinics: clinics)
        figures.backlog = try await round(stores)
        for (index, store) in stores.enumerated() {
            let claim = try store.claims(limit: 1)[0]
            _ = try store.setClaimField(claim.id, field: .notes, value: "follow up \(index)", author: "bench")
        }
        figures.everyday = try await round(stores)
        for (name, round) in [("backlog", figures.backlog), ("one edit", figures.everyday)] {
            log(String(format: "central load, %d clinics, %@: %d changes in %.3f s (%.0f changes/s), p50 %.1f ms, p99 %.1f ms",
                       clinics, name, round.changes, round.seconds, round.changesPerSecond,
                       round.latencies.median * 1000, round.latencies.percentile(99) * 1000))
        }
        return figures
    }

    /// Every store syncs at once; returns the totals and each sync's latency.
    private func round(_ stores: [LocalStore]) async throws -> Round {
        let world = self.world
        let start = Stopwatch.now()
        let results = try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            for store in stores {
                group.addTask {
                    let began = Stopwatch.now()
                    let summary = try await world.sync(store)
                    return (summary.pushed, Stopwatch.now() - began)
                }
            }
            var all: [(Int, Double)] = []
            for try await result in group { all.append(result) }
            return all
        }
        return Round(changes: results.reduce(0) { $0 + $1.0 }, seconds: Stopwatch.now() - start,
                     latencies: results.map(\.1))
    }
}
