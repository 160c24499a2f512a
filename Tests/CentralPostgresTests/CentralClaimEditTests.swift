import BillingModel
import CentralPostgres
import ClinicStore
import Foundation
import SyncModel
import Testing

extension PostgresSuites {
    /// `claim set` at the PostgreSQL central node: the rules of `LocalStore.setClaimField` (the
    /// same refusals with the same errors), only the changed columns written as the central
    /// office's own changes, and the owning clinic gets them at its next sync.
    @Suite(.needsPostgres) struct CentralClaimEditTests {
        /// A fresh node and clinic `alpha` with one coded claim, synced.
        static func world() async throws -> (PostgresCentral, LocalStore, Claim) {
            let central = try await TestDatabase.backend()
            let alpha = try Clinic.store("alpha", seed: 1)
            let claim = try CentralEndToEndTests.seed(alpha)
            try await central.sync(alpha)
            return (central, alpha, claim)
        }

        /// The `StoreError` `body` throws (`nil` when it succeeds or throws something else).
        static func storeError(_ body: () async throws -> Claim) async -> StoreError? {
            do {
                _ = try await body()
                return nil
            } catch {
                return error as? StoreError
            }
        }

        @Test func theCentralOfficeEditsAClaimAndTheClinicGetsIt() async throws {
            let (central, alpha, claim) = try await Self.world()
            let other = try alpha.addPayer(payerID: "P2", name: "Other Plan")
            try await central.sync(alpha)
            let head = try await central.logHead()

            let noted = try await central.setClaimField(claim.claimNumber, field: .notes, value: "payer needs records",
                                                        author: "central office")
            #expect(noted.id == claim.id && noted.notes == "payer needs records")
            _ = try await central.setClaimField(claim.id, field: .pos, value: "22", author: "central office")
            let edited = try await central.setClaimField(claim.id, field: .payer, value: "P2", author: "central office")
            #expect(edited.payerID == other.id && edited.placeOfService == "22" && edited.lifecycle == claim.lifecycle)

            // Only the changed columns, each once, as the central office's changes.
            let logged = try await central.pull(for: "alpha", site: "observer", since: head, limit: 100).changes
            #expect(logged.map { "\($0.table).\($0.field)" } == ["claim.notes", "claim.pos", "claim.payer_id"])
            #expect(Set(logged.map(\.version.site)) == [central.siteID] && Set(logged.map(\.author)) == ["central office"])
            #expect(try await central.row("claim", id: claim.id)?["notes"] == .text("payer needs records"))

            try await central.sync(alpha)
            #expect(try alpha.claim(claim.id) == edited)
            #expect(try await central.claim(claim.claimNumber) == edited)
            #expect(try alpha.conflicts().isEmpty && alpha.syncStatus().outbox == 0)
            await central.shutdown()
        }

        @Test func codingFieldsOfASubmittedClaimAreFrozenAndNothingChanges() async throws {
            let (central, alpha, claim) = try await Self.world()
            try await central.write(table: "claim", row: claim.id, field: "lifecycle",
                                    value: .integer(Int64(ClaimLifecycle(stage: .submitted).rank)), author: "central office")
            try await central.sync(alpha)
            let submitted = try await central.claim(claim.id)
            #expect(try submitted.lifecycle.stage == .submitted && alpha.claim(claim.id) == submitted)
            let head = try await central.logHead()

            for (field, value) in [(ClaimField.pos, "22"), (.diagnoses, "I10"), (.billingNPI, "1234567893"),
                                   (.renderingNPI, "1234567893")] {
                let atCentral = await Self.storeError { try await central.setClaimField(claim.id, field: field, value: value) }
                let atClinic = await Self.storeError { try alpha.setClaimField(claim.id, field: field, value: value) }
                #expect(atCentral == StoreError.notAllowed(
                    entity: "claim", id: claim.claimNumber,
                    reason: "is submitted; its coding is frozen — use `claim replace` for a corrected claim"), "\(field)")
                #expect(atCentral == atClinic, "\(field)")
            }
            #expect(try await central.logHead() == head)
            #expect(try await central.claim(claim.id) == submitted)

            // A field that is not coding may still change on a submitted claim.
            let noted = try await central.setClaimField(claim.id, field: .notes, value: "appeal pending")
            #expect(noted.notes == "appeal pending" && noted.lifecycle == submitted.lifecycle)
            await central.shutdown()
        }

        @Test func badValuesUnknownClaimsAndUnknownFieldsAreRefusedAsAtTheSQLiteStore() async throws {
            let (central, alpha, claim) = try await Self.world()
            let beta = try Clinic.store("beta", seed: 2)
            _ = try beta.addPayer(payerID: "PBETA", name: "Beta's Plan")
            try await central.sync(beta)
            let before = try await central.claim(claim.id)
            let head = try await central.logHead()

            let cases: [(String, ClaimField, String)] = [
                (claim.id, .frequency, "5"), (claim.id, .pos, "XYZ"), (claim.id, .notes, String(repeating: "n", count: 2001)),
                (claim.id, .status, "bogus"), (claim.id, .status, "submitted"), (claim.id, .billingNPI, "123"),
                (claim.id, .diagnoses, "NOT A CODE"), (claim.id, .payerClaimNumber, "no spaces"), (claim.id, .payer, "NOPE"),
                ("no-such-claim", .notes, "x"),
            ]
            for (key, field, value) in cases {
                let atCentral = await Self.storeError { try await central.setClaimField(key, field: field, value: value) }
                let atClinic = await Self.storeError { try alpha.setClaimField(key, field: field, value: value) }
                #expect(atCentral != nil && atCentral == atClinic, "\(field) = \(value.prefix(20))")
            }
            #expect(await Self.storeError { try await central.setClaimField("no-such-claim", field: .notes, value: "x") }
                    == .notFound(entity: "claim", id: "no-such-claim"))
            // Another clinic's payer is not one this claim can point at.
            #expect(await Self.storeError { try await central.setClaimField(claim.id, field: .payer, value: "PBETA") }
                    == .notFound(entity: "payer", id: "PBETA"))
            // The generic central edit refuses a field the table does not have.
            await #expect(throws: StoreError.invalid(entity: "claim", field: "bogus",
                                                     reason: "is not a field the central office may write")) {
                try await central.write(table: "claim", row: claim.id, field: "bogus", value: .text("x"))
            }
            #expect(try await central.logHead() == head)
            #expect(try await central.claim(claim.id) == before)
            await central.shutdown()
        }
    }
}
