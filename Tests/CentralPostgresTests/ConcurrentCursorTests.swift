import CentralPostgres
import CentralServer
import ClinicStore
import Foundation
import Synchronization
import SyncModel
import Testing

extension PostgresSuites {
    /// DESIGN §4: "a cursor must never skip a change, also with concurrent pushers and several
    /// central processes". Pushes commit concurrently through two backends over one database
    /// (two connection pools, or two handles on the SQLite file, as two `serve` processes have)
    /// while pullers page through both with small pages; every puller must see every change of
    /// its scope exactly once, in server order. The same test on both backends.
    @Suite struct ConcurrentCursorTests {
        static let clinicCount = 6
        static let rounds = 12
        static let payersPerRound = 3

        @Test(arguments: CentralKind.available)
        func pullersThroughTwoProcessesSeeEveryConcurrentChangeExactlyOnce(kind: CentralKind) async throws {
            let (nodes, close) = try await Self.twoProcesses(kind)
            let clinics = try (0..<Self.clinicCount).map { try Clinic.store("c\($0)", seed: UInt64($0 + 1)) }
            let pushersDone = Countdown()
            let seen = try await withThrowingTaskGroup(of: (String, [Int64]).self) { group in
                for (index, clinic) in clinics.enumerated() {
                    group.addTask {
                        defer { pushersDone.finishOne() }
                        for round in 0..<Self.rounds {
                            for payer in 0..<Self.payersPerRound {
                                _ = try clinic.addPayer(payerID: "R\(round)P\(payer)", name: "Plan \(round)-\(payer)")
                            }
                            // Alternate processes: a clinic may sync through any of them.
                            let node = nodes[(index + round) % nodes.count]
                            let request = try #require(try clinic.nextPush(limit: 1_000))
                            try clinic.recordPush(try await node.push(request, from: clinic.identity.clinicID))
                        }
                        return (clinic.identity.clinicID, [])
                    }
                }
                for index in 0..<Self.clinicCount {
                    group.addTask {
                        let clinicID = "c\(index)"
                        var cursor: Int64 = 0, serverSeqs: [Int64] = [], page = 0
                        while true {
                            let finished = pushersDone.finished == Self.clinicCount
                            var more = true
                            while more {
                                let node = nodes[page % nodes.count]
                                page += 1
                                let pulled = try await node.pull(for: clinicID, site: "\(clinicID)-observer", since: cursor,
                                                                 limit: 1 + page % 4)
                                serverSeqs += pulled.changes.compactMap(\.serverSeq)
                                #expect(pulled.nextCursor >= cursor, "the cursor never moves back")
                                cursor = pulled.nextCursor
                                more = pulled.hasMore
                            }
                            if finished { break }
                            try await Task.sleep(for: .milliseconds(3))
                        }
                        return (clinicID, serverSeqs)
                    }
                }
                var seen: [String: [Int64]] = [:]
                for try await (clinicID, seqs) in group { seen[clinicID, default: []] += seqs }
                return seen
            }
            for clinic in clinics {
                let clinicID = clinic.identity.clinicID
                let truth = try await nodes[0].everything(for: clinicID)
                #expect(truth.count == Self.rounds * Self.payersPerRound, "every pushed change is in \(clinicID)'s scope")
                #expect(Set(truth.map(\.owner)) == [clinicID], "nothing of another clinic")
                let observed = seen[clinicID] ?? []
                #expect(observed == truth.compactMap(\.serverSeq),
                        "\(clinicID)'s puller saw every change exactly once, in server order")
                #expect(try clinic.syncStatus().outbox == 0)
            }
            let head = try await nodes[1].pull(for: "nobody", site: "observer", since: 0, limit: 1).nextCursor
            #expect(head == Int64(Self.clinicCount * Self.rounds * Self.payersPerRound), "one server sequence per change, no gap")
            await close()
        }

        /// Two backends over one central database, and how to close them.
        static func twoProcesses(_ kind: CentralKind) async throws -> ([any CentralBackend], @Sendable () async -> Void) {
            switch kind {
            case .postgres:
                let configuration = try TestDatabase.configuration()
                let first = try await TestDatabase.backend(configuration), second = try await TestDatabase.backend(configuration)
                return ([first, second], {
                    await first.shutdown()
                    await second.shutdown()
                })
            case .sqlite:
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-cursor-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let path = folder.appendingPathComponent("central.sqlite").path
                _ = try LocalStore.create(at: path, role: .central, clinicID: LocalStore.centralOwner)
                let nodes: [any CentralBackend] = [StoreBackend(store: try LocalStore.open(at: path)),
                                                   StoreBackend(store: try LocalStore.open(at: path))]
                return (nodes, { try? FileManager.default.removeItem(at: folder) })
            }
        }
    }
}

/// How many pushers have finished, shared by the pullers.
private final class Countdown: Sendable {
    private let count = Atomic<Int>(0)

    func finishOne() { count.add(1, ordering: .sequentiallyConsistent) }

    var finished: Int { count.load(ordering: .sequentiallyConsistent) }
}
