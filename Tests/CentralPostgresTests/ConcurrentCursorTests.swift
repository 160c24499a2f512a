import CentralPostgres
import ClinicStore
import Foundation
import Synchronization
import SyncModel
import Testing

extension PostgresSuites {
    /// DESIGN §4: "a cursor must never skip a change, also with concurrent pushers and several
    /// central processes". Pushes commit concurrently through two backends (two connection
    /// pools, as two `serve` processes have) while pullers page through both with small pages;
    /// every puller must see every change of its scope exactly once, in server order.
    @Suite struct ConcurrentCursorTests {
        static let clinicCount = 6
        static let rounds = 12
        static let payersPerRound = 3

        @Test func pullersThroughTwoProcessesSeeEveryConcurrentChangeExactlyOnce() async throws {
            let configuration = try TestDatabase.configuration()
            let nodes = [try await TestDatabase.backend(configuration), try await TestDatabase.backend(configuration)]
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
                            try clinic.recordPush(try await node.acceptPush(request, from: clinic.identity.clinicID))
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
            let head = try await nodes[1].logHead()
            #expect(head == Int64(Self.clinicCount * Self.rounds * Self.payersPerRound), "one server sequence per change, no gap")
            for node in nodes { await node.shutdown() }
        }
    }
}

/// How many pushers have finished, shared by the pullers.
private final class Countdown: Sendable {
    private let count = Atomic<Int>(0)

    func finishOne() { count.add(1, ordering: .sequentiallyConsistent) }

    var finished: Int { count.load(ordering: .sequentiallyConsistent) }
}
