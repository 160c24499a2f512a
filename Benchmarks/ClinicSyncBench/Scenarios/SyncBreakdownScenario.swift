import ClinicStore
import Foundation
import SyncModel
import SyncWire

/// Where a sync's time goes (`--only breakdown`, a diagnostic for profiling; not a §7 row):
/// the same push and pull as ``SyncScenario``, run step by step in this process without HTTP,
/// each step timed on its own — outbox read, wire encode and decode, the central node's
/// apply, the clinic's bookkeeping, the pull read and the second site's apply — and logged as
/// microseconds per change.
struct SyncBreakdownScenario {
    let world: BenchWorld
    let lines: Int
    let log: (String) -> Void

    func run() async throws {
        let store = try await world.clinic("breakdown", file: "breakdown")
        let workload = try ClinicWorkload.register(in: store, patients: 500, seed: 7)
        _ = try store.enterClaims(workload.claims(lines: lines, seed: 11), author: "bench")
        let central = try LocalStore.create(at: world.folder.appendingPathComponent("breakdown-central.sqlite").path,
                                            role: .central, clinicID: LocalStore.centralOwner)
        _ = try central.enroll(clinicID: "breakdown")

        var steps = Steps()
        var changes = 0
        while let request = try steps.time("outbox read", { try store.nextPush(limit: 1_000) }) {
            changes += request.changes.count
            let body = try steps.time("push encode", { WireJSON.encode(request) ?? [] })
            let decoded = try steps.time("push decode", { try WireJSON.decode(PushRequest.self, from: body) })
            let response = try steps.time("central apply", { try central.acceptPush(decoded, from: "breakdown") })
            try steps.time("clinic record push", { try store.recordPush(response) })
        }
        let target = try LocalStore.create(at: world.folder.appendingPathComponent("breakdown-second.sqlite").path,
                                           role: .clinic, clinicID: "breakdown")
        var cursor: Int64 = 0
        var more = true
        while more {
            let page = try steps.time("pull read", {
                try central.pull(for: "breakdown", site: target.identity.siteID, since: cursor, limit: 2_000)
            })
            let body = try steps.time("pull encode", { WireJSON.encode(page) ?? [] })
            let decoded = try steps.time("pull decode", { try WireJSON.decode(PullResponse.self, from: body) })
            try steps.time("second site apply", { _ = try target.applyPull(decoded) })
            cursor = page.nextCursor
            more = page.hasMore
        }
        for (name, seconds) in steps.totals {
            log(String(format: "breakdown: %-20@ %7.3f s  %6.1f µs per change", name as NSString, seconds,
                       seconds / Double(max(changes, 1)) * 1e6))
        }
        log("breakdown: \(changes) changes")
    }

    /// Seconds per named step, in first-seen order.
    private struct Steps {
        var totals: [(String, Double)] = []

        mutating func time<T>(_ name: String, _ body: () throws -> T) throws -> T {
            let (value, seconds) = try Stopwatch.time(body)
            if let index = totals.firstIndex(where: { $0.0 == name }) {
                totals[index].1 += seconds
            } else {
                totals.append((name, seconds))
            }
            return value
        }
    }
}
