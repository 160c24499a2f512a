import ClinicStore
import Foundation
import GRDB

/// End-to-end sync (DESIGN §7): the clinic pushes every captured change to the central node
/// on loopback over HTTP, then a second, empty store of the same clinic (another site) pulls
/// them all. Rows per second count the changes that crossed (each one pushed, then pulled
/// and applied), over the time of both.
struct SyncScenario {
    struct Figures {
        var changes = 0
        var pushSeconds = 0.0
        var pullSeconds = 0.0
        var seconds: Double { pushSeconds + pullSeconds }
        var rowsPerSecond: Double { seconds > 0 ? Double(changes) / seconds : 0 }
    }

    let world: BenchWorld
    let source: LocalStore
    let log: (String) -> Void

    func run() async throws -> Figures {
        let changes = try source.syncStatus().outbox
        let (pushed, pushSeconds) = try await Stopwatch.time { try await world.sync(source) }
        let target = try await world.clinic(source.identity.clinicID, file: "\(source.identity.clinicID)-second-site")
        let (pulled, pullSeconds) = try await Stopwatch.time { try await world.sync(target) }
        log(String(format: "sync: pushed %d in %.3f s, pulled %d (applied %d) in %.3f s",
                   pushed.pushed, pushSeconds, pulled.pulled, pulled.applied, pullSeconds))
        try check(target, against: source, changes: changes, pushed: pushed.pushed, applied: pulled.applied)
        return Figures(changes: changes, pushSeconds: pushSeconds, pullSeconds: pullSeconds)
    }

    /// The second site must hold what the first one wrote, row for row.
    private func check(_ target: LocalStore, against source: LocalStore, changes: Int, pushed: Int, applied: Int) throws {
        struct Mismatch: Error, CustomStringConvertible { var description: String }
        guard pushed == changes, applied == changes else {
            throw Mismatch(description: "sync moved \(pushed) pushed / \(applied) applied of \(changes) changes")
        }
        for table in ["patient", "provider", "payer", "claim", "service_line"] {
            let sql = "SELECT count(*), total(length(id)) FROM \(table)"
            let a = try source.read { try Row.fetchOne($0, sql: sql)!.description }
            let b = try target.read { try Row.fetchOne($0, sql: sql)!.description }
            guard a == b else { throw Mismatch(description: "\(table) differs after sync: \(a) vs \(b)") }
        }
    }
}
