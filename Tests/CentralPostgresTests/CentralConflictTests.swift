import BillingModel
import CentralPostgres
import ClinicStore
import Foundation
import SyncModel
import Testing

extension PostgresSuites {
    /// DESIGN §5 rule 2 at the PostgreSQL central node: the central office resolves a conflict
    /// two clinic sites made, with the same plan as at the SQLite store, and the resolving value
    /// and the closed record reach every site together.
    @Suite(.needsPostgres) struct CentralConflictTests {
        /// Two sites of `alpha` edit `field` of one claim at once and sync: one open conflict at
        /// the central node (the back site's value won, the front site's lost).
        /// Both sites run on `clock`, which moves a second between the two edits.
        static func conflicted(_ central: PostgresCentral, front: LocalStore, back: LocalStore, claim: Claim,
                               clock: ManualClock, field: ClaimField = .notes) async throws -> ConflictRecord {
            _ = try front.setClaimField(claim.id, field: field, value: "front-\(field.rawValue)")
            clock.advance(byMillis: 1_000)
            _ = try back.setClaimField(claim.id, field: field, value: "back-\(field.rawValue)")
            try await central.sync(front)
            try await central.sync(back)
            try await central.sync(front)
            let conflicts = try await central.conflicts().filter { $0.field == field.rawValue }
            #expect(conflicts.count == 1)
            return try #require(conflicts.first)
        }

        /// A fresh node and two synced sites of `alpha` sharing one claim, on one manual clock.
        static func world() async throws -> (PostgresCentral, LocalStore, LocalStore, Claim, ManualClock) {
            let central = try await TestDatabase.backend()
            let clock = ManualClock(millis: SystemClock().nowMillis())
            let front = try Clinic.store("alpha", seed: 1, clock: clock), back = try Clinic.store("alpha", seed: 2, clock: clock)
            let claim = try CentralEndToEndTests.seed(front)
            try await central.sync(front)
            try await central.sync(back)
            return (central, front, back, claim, clock)
        }

        @Test func keepingTheLoserWritesItAndClosesTheConflictInOneTransactionEverySitePulls() async throws {
            let (central, front, back, claim, clock) = try await Self.world()
            let conflict = try await Self.conflicted(central, front: front, back: back, claim: claim, clock: clock)
            #expect(conflict.winner.value == .text("back-notes") && conflict.loser.value == .text("front-notes"))
            #expect(try back.conflicts().map(\.id) == [conflict.id])
            let head = try await central.logHead()

            let resolved = try await central.resolveConflict(String(conflict.id.prefix(8)), resolution: .keepLoser,
                                                             author: "central office")
            #expect(resolved.id == conflict.id && resolved.status == .resolved)
            #expect(try await central.conflicts().isEmpty)
            #expect(try await central.row("claim", id: claim.id)?["notes"] == .text("front-notes"))
            #expect(try await central.row("conflict", id: conflict.id)?["resolution"] == .text("keep_loser"))

            // One transaction: the value and the record's closing, consecutive in the log.
            let logged = try await central.pull(for: "alpha", site: "observer", since: head, limit: 100).changes
            #expect(logged.map { "\($0.table).\($0.field)" } == ["claim.notes", "conflict.status", "conflict.resolution"])
            #expect(logged.map(\.serverSeq) == [head + 1, head + 2, head + 3])
            #expect(Set(logged.map(\.version.site)) == [central.siteID] && Set(logged.map(\.author)) == ["central office"])

            try await central.sync(back)
            try await central.sync(front)
            for site in [front, back] {
                #expect(try site.claim(claim.id).notes == "front-notes")
                #expect(try site.conflicts().isEmpty)
                #expect(try site.conflict(conflict.id).status == .resolved)
                #expect(try site.syncStatus().outbox == 0)
            }
            #expect(try await central.conflicts(includeResolved: true).map(\.status) == [.resolved])
            await central.shutdown()
        }

        @Test func aValueOfItsOwnSupersedesBothSidesAndABadOneChangesNothing() async throws {
            let (central, front, back, claim, clock) = try await Self.world()
            let conflict = try await Self.conflicted(central, front: front, back: back, claim: claim, clock: clock)
            let head = try await central.logHead()

            // A value the column refuses: the same error as at the SQLite store, and nothing written.
            await #expect(throws: StoreError.invalid(entity: "conflict", field: "notes", reason: "claim.notes must be text")) {
                try await central.resolveConflict(conflict.id, resolution: .value(.integer(42)))
            }
            #expect(throws: StoreError.invalid(entity: "conflict", field: "notes", reason: "claim.notes must be text")) {
                try back.resolveConflict(conflict.id, resolution: .value(.integer(42)))
            }
            #expect(try await central.logHead() == head)
            #expect(try await central.conflict(conflict.id).status == .open)

            let resolved = try await central.resolveConflict(conflict.id, resolution: .value(.text("agreed notes")))
            #expect(resolved.status == .resolved)
            try await central.sync(front)
            try await central.sync(back)
            #expect(try front.claim(claim.id).notes == "agreed notes" && back.claim(claim.id).notes == "agreed notes")
            #expect(try front.conflicts().isEmpty && back.conflicts().isEmpty)

            // Resolved once is resolved: a second resolution is refused and writes nothing.
            let after = try await central.logHead()
            await #expect(throws: StoreError.notAllowed(entity: "conflict", id: conflict.id,
                                                        reason: "conflict \(conflict.id) is already resolved")) {
                try await central.resolveConflict(conflict.id, resolution: .keepWinner)
            }
            #expect(try await central.logHead() == after)
            await central.shutdown()
        }

        @Test func keepingTheWinnerOnlyClosesTheRecord() async throws {
            let (central, front, back, claim, clock) = try await Self.world()
            let conflict = try await Self.conflicted(central, front: front, back: back, claim: claim, clock: clock)
            let head = try await central.logHead()
            _ = try await central.resolveConflict(conflict.id, resolution: .keepWinner)
            let logged = try await central.pull(for: "alpha", site: "observer", since: head, limit: 100).changes
            #expect(logged.map { "\($0.table).\($0.field)" } == ["conflict.status", "conflict.resolution"])
            try await central.sync(front)
            #expect(try front.claim(claim.id).notes == "back-notes" && front.conflicts().isEmpty)
            await central.shutdown()
        }

        @Test func unknownAndAmbiguousIdsAreRefusedClearly() async throws {
            let (central, front, back, claim, clock) = try await Self.world()
            let notes = try await Self.conflicted(central, front: front, back: back, claim: claim, clock: clock)
            let other = try await Self.conflicted(central, front: front, back: back, claim: claim, clock: clock, field: .payerClaimNumber)
            #expect(try await central.conflict(String(notes.id.prefix(12))) == notes)
            #expect(try await central.conflict(other.id.uppercased()) == other)

            await #expect(throws: StoreError.notFound(entity: "conflict", id: "ffffffff-0000")) {
                try await central.resolveConflict("ffffffff-0000", resolution: .keepWinner)
            }
            let common = String(zip(notes.id, other.id).prefix { $0 == $1 }.map(\.0))
            await #expect(throws: StoreError.invalid(entity: "conflict", field: "id",
                                                     reason: "'\(common)' matches several conflicts; give more of the id")) {
                try await central.conflict(common)
            }
            #expect(try await central.conflicts().count == 2)
            await central.shutdown()
        }
    }
}
