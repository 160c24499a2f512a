import BillingModel
import CentralPostgres
import ClinicStore
import Foundation
import SyncEngine
import SyncModel
import Testing

extension PostgresSuites {
    /// DESIGN §4 "A hostile clinic" and §8, over real HTTP on both backends: `mallory` holds a
    /// valid token and sends hand-made pushes at `beta`. Each attack is refused with a reason,
    /// no row of `beta` changes, and `beta`'s later edits all arrive.
    @Suite struct HostileClinicTests {
        static let tables = ["patient", "provider", "payer", "claim", "service_line", "conflict"]

        /// Every row `owner` has at the central node, by table and id.
        static func rows(of owner: String, in world: CentralWorld) async throws -> [String: [String: FieldValue]] {
            var rows: [String: [String: FieldValue]] = [:]
            for table in tables {
                for id in try await world.central.rowIDs(table, owner: owner) {
                    rows["\(table)/\(id)"] = try await world.central.row(table, id: id)
                }
            }
            return rows
        }

        /// A world with `beta` (the victim) and `mallory` (the attacker), each with one synced claim.
        static func world(_ kind: CentralKind) async throws -> (CentralWorld, LocalStore, Claim, LocalStore, Claim) {
            let world = try await CentralWorld.start(kind, processes: 1)
            let beta = try await world.clinic("beta"), mallory = try await world.clinic("mallory")
            let betaClaim = try CentralEndToEndTests.seed(beta), malloryClaim = try CentralEndToEndTests.seed(mallory)
            try await world.sync(beta)
            try await world.sync(mallory)
            return (world, beta, betaClaim, mallory, malloryClaim)
        }

        /// `beta` edits after the attacks; every edit reaches the central node, nothing is refused.
        static func betaStillSyncs(_ world: CentralWorld, _ beta: LocalStore, claim: Claim) async throws {
            _ = try beta.setClaimField(claim.id, field: .notes, value: "after the attack")
            let line = try beta.addLine(claim: claim.id, LineInput(procedureCode: "99214", units: 2, charge: "150",
                                                                    serviceDate: "2025-01-11"))
            try await world.sync(beta)
            #expect(try beta.outbox().isEmpty)
            #expect(try beta.pushRefusals().isEmpty)
            #expect(try await world.central.row("claim", id: claim.id)?["notes"] == .text("after the attack"))
            #expect(try await world.central.row("service_line", id: line.id)?["claim_id"] == .text(claim.id))
        }

        @Test(arguments: CentralKind.available)
        func siteTakeoverIsRefusedAndTheVictimsLaterEditsAllArrive(kind: CentralKind) async throws {
            let (world, beta, betaClaim, mallory, malloryClaim) = try await Self.world(kind)
            let before = try await Self.rows(of: "beta", in: world)
            let client = try world.client(for: mallory)
            var forger = Forger(clinicID: "mallory", site: mallory.identity.siteID)
            // 1. The whole push from beta's site: refused, nothing bound, nothing moved.
            let harmless = forger.field("claim", row: malloryClaim.id, "notes", .text("x"), site: beta.identity.siteID)
            let takeover = await #expect(throws: SyncError.self) {
                _ = try await client.push(forger.request([harmless], site: beta.identity.siteID))
            }
            guard case .server(403, let body)? = takeover else {
                Issue.record("expected a 403, got \(String(describing: takeover))")
                return
            }
            #expect(body.error == .forbidden && body.message.contains("belongs to another clinic"))
            // 2. From its own site, a change stamped with beta's site at a huge sequence: refused alone.
            let stamped = forger.field("claim", row: malloryClaim.id, "notes", .text("y"), site: beta.identity.siteID)
            let reply = try await client.push(forger.request([stamped]))
            #expect(reply.refused.map(\.reason) == [.wrongSite] && reply.applied.isEmpty)
            // 3. The central site is no clinic's.
            await #expect(throws: SyncError.self) {
                _ = try await client.push(forger.request([], site: SyncSchema.centralSite))
            }
            await client.shutdown()
            #expect(try await Self.rows(of: "beta", in: world) == before)
            try await Self.betaStillSyncs(world, beta, claim: betaClaim)
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func forgedReferencesAndConflictRecordsAreRefusedWithReasons(kind: CentralKind) async throws {
            let (world, beta, betaClaim, mallory, malloryClaim) = try await Self.world(kind)
            try await world.central.add("payer", row: "shared-payer", owner: LocalStore.centralOwner,
                                        values: ["payer_id": .text("SHARED"), "name": .text("Shared plan"),
                                                 "filing_indicator": .text("CI"), "deleted": .integer(0)])
            let before = try await Self.rows(of: "beta", in: world)
            let client = try world.client(for: mallory)
            var forger = Forger(clinicID: "mallory", site: mallory.identity.siteID)
            let foreignLine = forger.insert("service_line", Forger.line(claim: betaClaim.id, charge: 999_999))
            let attacks: [(Change, ErrorCode)] = [
                (foreignLine, .outOfScope),
                (forger.field("service_line", row: try #require(try mallory.claim(malloryClaim.id).lines.first).id,
                              "claim_id", .text(betaClaim.id)), .outOfScope),
                (forger.insert("claim", Forger.claim(patient: betaClaim.patientID, payer: malloryClaim.payerID)), .outOfScope),
                (forger.insert("claim", Forger.claim(patient: malloryClaim.patientID, payer: betaClaim.payerID)), .outOfScope),
                (forger.insert("claim", Forger.claim(patient: malloryClaim.patientID, payer: malloryClaim.payerID,
                                                     original: betaClaim.id)), .outOfScope),
                (forger.insert("conflict", Forger.conflict(row: betaClaim.id)), .outOfScope),
                (forger.insert("conflict", Forger.conflict(row: malloryClaim.id, field: "owner")), .invalidValue),
                (forger.insert("conflict", Forger.conflict(row: malloryClaim.id, kind: "bogus")), .invalidValue),
                (forger.insert("conflict", Forger.conflict(row: malloryClaim.id, status: 9)), .invalidValue),
                (forger.field("claim", row: malloryClaim.id, "lifecycle", .integer(5)), .invalidValue),
                (forger.field("claim", row: malloryClaim.id, "notes", .text("x"), observed: 1 << 40), .invalidValue),
                (forger.field("service_line", row: try #require(try mallory.claim(malloryClaim.id).lines.first).id,
                              "units", .integer(7), reasserted: 16 + 3), .invalidValue),
                (forger.insert("service_line", row: String(repeating: "x", count: 200), Forger.line(claim: malloryClaim.id)),
                 .invalidValue),
                (forger.field("claim", row: betaClaim.id, "notes", .text("mine now")), .outOfScope),
            ]
            for (change, reason) in attacks {
                let reply = try await client.push(forger.request([change]))
                #expect(reply.refused.map(\.reason) == [reason], "\(change.table).\(change.field)")
                #expect(reply.refused.allSatisfy { !$0.message.isEmpty } && reply.applied.isEmpty)
            }
            // Allowed where the column allows it: a claim of its own on a central shared payer.
            let honest = forger.insert("claim", Forger.claim(patient: malloryClaim.patientID, payer: "shared-payer"))
            #expect(try await client.push(forger.request([honest])).applied == [honest.version.seq])
            await client.shutdown()

            #expect(try await world.central.row("service_line", id: foreignLine.row) == nil)
            #expect(try await world.central.openConflicts().isEmpty)
            #expect(try await Self.rows(of: "beta", in: world) == before)
            try await world.sync(beta)
            #expect(try beta.claim(betaClaim.id).lines.count == 1)
            try await Self.betaStillSyncs(world, beta, claim: betaClaim)
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func aRefusalNeverMovesProgress(kind: CentralKind) async throws {
            let (world, _, betaClaim, mallory, malloryClaim) = try await Self.world(kind)
            let client = try world.client(for: mallory)
            var forger = Forger(clinicID: "mallory", site: mallory.identity.siteID)
            let refused = forger.insert("service_line", Forger.line(claim: betaClaim.id))
            #expect(try await client.push(forger.request([refused])).refused.map(\.reason) == [.outOfScope])
            // The same sequence again, now a fair change: applied, not taken for a duplicate.
            var fair = forger.insert("service_line", Forger.line(claim: malloryClaim.id))
            fair.version.seq = refused.version.seq
            let reply = try await client.push(forger.request([fair]))
            #expect(reply.applied == [refused.version.seq] && reply.refused.isEmpty)
            #expect(try await world.central.row("service_line", id: fair.row)?["claim_id"] == .text(malloryClaim.id))
            await client.shutdown()
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func aResolutionWritesOnlyInItsOwnersScope(kind: CentralKind) async throws {
            let (world, _, betaClaim, _, _) = try await Self.world(kind)
            // A record that names beta's claim but belongs to mallory (as one that got in before the screen).
            let forged = Forger.conflict(row: betaClaim.id, loser: .text("mallory's value"))
            try await world.central.add("conflict", row: "forged-conflict", owner: "mallory", values: forged)
            try await world.central.add("conflict", row: "forged-owner", owner: "mallory",
                                        values: Forger.conflict(row: betaClaim.id, field: "owner", loser: .text("mallory")))
            let before = try await Self.rows(of: "beta", in: world)
            for id in ["forged-conflict", "forged-owner"] {
                await #expect(throws: StoreError.self) {
                    switch kind {
                    case .postgres: _ = try await world.postgres.resolveConflict(id, resolution: .keepLoser)
                    case .sqlite: _ = try (world.central as! StoreInspection).store.resolveConflict(id, resolution: .keepLoser)
                    }
                }
            }
            #expect(try await Self.rows(of: "beta", in: world) == before)
            await world.stop()
        }
    }
}
