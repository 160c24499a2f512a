import CentralPostgres
import ClinicStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import SyncEngine
import SyncModel
import Synchronization
import Testing

extension PostgresSuites {
    /// PostgreSQL going away and coming back: requests get a clear 503 meanwhile, which a clinic
    /// waits out with backoff and a bound (issue 22) and says so; the node keeps running and
    /// recovers by itself, and no acknowledged push is lost.
    @Suite(.needsPostgres, .controlsPostgres, .timeLimit(.minutes(5)))
    struct RestartTests {
        @Test func whileTheDatabaseIsDownRequestsGetAClear503AndTheNodeRecoversByItself() async throws {
            let world = try await CentralWorld.start(.postgres, processes: 1, leaseTimeout: .seconds(2))
            let alpha = try await world.clinic("alpha")
            _ = try alpha.addPayer(payerID: "P1", name: "Plan")
            try TestDatabase.control("stop -m fast")
            do {
                // Down for longer than the clinic waits: three attempts, then the 503 is the answer.
                let notices = Mutex<[RetryNotice]>([])
                let client = try world.client(for: alpha, retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(50),
                                                                             maxDelay: .milliseconds(100)),
                                              onRetry: { notice in notices.withLock { $0.append(notice) } })
                await #expect { try await Synchronizer(store: alpha, client: client).run() } throws: { error in
                    guard case .server(let status, let body)? = error as? SyncError else { return false }
                    return status == 503 && body.message.hasPrefix("the central database is unavailable")
                }
                await client.shutdown()
                let told = notices.withLock { $0 }
                #expect(told.map(\.nextAttempt) == [2, 3], "one notice before each attempt after the first: \(told)")
                #expect(told.allSatisfy { $0.status == 503 && $0.message.hasPrefix("the central database is unavailable") })
                let health = try await URLSession.shared.data(from: world.nodes[0].url.appendingPathComponent("healthz"))
                #expect((health.1 as? HTTPURLResponse)?.statusCode == 503)
                #expect(try alpha.syncStatus().outbox == 1, "the work stays in the clinic's outbox")
            }
            try TestDatabase.control("start")
            _ = try await Self.syncUntilItWorks(alpha, in: world)
            #expect(try alpha.syncStatus().outbox == 0)
            #expect(try await world.central.rowIDs("payer", owner: "alpha").count == 1)
            let health = try await URLSession.shared.data(from: world.nodes[0].url.appendingPathComponent("healthz"))
            #expect((health.1 as? HTTPURLResponse)?.statusCode == 200)
            await world.stop()
        }

        @Test func aRestartInTheMiddleOfASyncLosesNoAcknowledgedPushAndAppliesNothingTwice() async throws {
            let world = try await CentralWorld.start(.postgres, leaseTimeout: .seconds(2))
            let token = try await world.central.enroll(clinicID: "alpha", name: nil)
            let writer = try await world.clinic("alpha", site: "writer", token: token)
            let reader = try await world.clinic("alpha", site: "reader", token: token)
            try writer.write { db in
                for index in 0..<1_500 {
                    try db.execute(sql: "INSERT INTO payer (id, owner, payer_id, name) VALUES (?, 'alpha', ?, ?)",
                                   arguments: [writer.newID(), "P\(index)", "Plan \(index)"])
                }
            }
            let notices = Mutex<[RetryNotice]>([])
            let client = try world.client(for: writer, through: 0,
                                          onRetry: { notice in notices.withLock { $0.append(notice) } })
            var synchronizer = Synchronizer(store: writer, client: client)
            synchronizer.pushBatch = 10  // 150 batches: the restart lands among them
            let sync = Task { try await synchronizer.run() }
            // Restart once the first batches are in, while the rest are on their way (bounded wait).
            let deadline = ContinuousClock.now + .seconds(60)
            while try await world.central.logHead() < 100, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            let headAtRestart = try await world.central.logHead()
            try #require(headAtRestart >= 100, "the sync pushed only \(headAtRestart) changes in 60 s")
            // Down until the sync has met it (a restart alone can fall between two requests):
            // the clinic's first announced wait is the cue to bring the database back.
            try TestDatabase.control("stop -m fast")
            let metDeadline = ContinuousClock.now + .seconds(30)
            while notices.withLock({ $0.isEmpty }), ContinuousClock.now < metDeadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            try TestDatabase.control("start")
            #expect(headAtRestart < 1_500, "the restart came in the middle of the sync")
            let interrupted = await sync.result
            await client.shutdown()
            // The restart is ridden out: the requests it met got 503s, were tried again after a
            // wait the clinic announced, and the same sync went on to the end.
            switch interrupted {
            case .success(let summary):
                #expect(summary.pushed == 1_500, "the one sync pushed everything: \(summary.pushed)")
            case .failure(let error):
                Issue.record("the sync did not ride out the restart: \(error)")
            }
            let told = notices.withLock { $0 }
            #expect(!told.isEmpty && told.allSatisfy { $0.status == 503 }, "the restart met the sync, which said it waited: \(told)")
            _ = try await Self.syncUntilItWorks(writer, in: world, through: 1)
            _ = try await Self.syncUntilItWorks(reader, in: world, through: 0)

            #expect(try writer.syncStatus().outbox == 0)
            #expect(try await world.central.rowIDs("payer", owner: "alpha").count == 1_500)
            #expect(try reader.payers().count == 1_500)
            let pulled = try await world.postgres.everything(for: "alpha")
            #expect(pulled.count == 1_500, "each change logged once")
            // Every push the writer had acknowledged kept its server sequence.
            let acknowledged = try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT seq, server_seq FROM change_log WHERE server_seq IS NOT NULL")
                    .map { (Int64($0["seq"] as Int64), Int64($0["server_seq"] as Int64)) }
            }
            let central = Dictionary(uniqueKeysWithValues: pulled.map { ($0.version.seq, $0.serverSeq ?? 0) })
            #expect(acknowledged.count == 1_500)
            #expect(acknowledged.allSatisfy { central[$0.0] == $0.1 })
            let dupes = try reader.read {
                try Int.fetchOne($0, sql: "SELECT count(*) - count(DISTINCT site || ':' || site_seq) FROM change_log WHERE site_seq IS NOT NULL")
            }
            #expect(dupes == 0, "nothing applied twice")
            await world.stop()
        }

        /// Syncs again and again (as a clinic whose sync failed does) until one goes through.
        static func syncUntilItWorks(_ store: LocalStore, in world: CentralWorld, through: Int = 0) async throws -> SyncSummary {
            var lastError: (any Error)?
            for _ in 0..<60 {
                do {
                    return try await world.sync(store, through: through)
                } catch {
                    lastError = error
                    try await Task.sleep(for: .milliseconds(250))
                }
            }
            throw lastError ?? CancellationError()
        }
    }
}
