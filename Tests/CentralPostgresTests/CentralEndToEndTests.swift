import BillingModel
import CentralPostgres
import ClinicStore
import Foundation
import GRDB
import SyncEngine
import SyncModel
import Testing

extension PostgresSuites {
    /// DESIGN §4–5 end to end, the same suite on both central backends: real clinic store
    /// files syncing over HTTP through two central processes over one database (a PostgreSQL
    /// schema, or one SQLite store file), in any order.
    @Suite struct CentralEndToEndTests {
        static func seed(_ store: LocalStore, npi: String = "1234567893") throws -> Claim {
            let patient = try store.addPatient(PatientInput(firstName: "Jane", lastName: "Doe", dateOfBirth: "1980-01-01",
                                                            sex: "F", memberID: "M1"))
            _ = try store.addProvider(ProviderInput(npi: npi, name: "Practice"))
            _ = try store.addPayer(payerID: "P\(store.identity.clinicID)", name: "Plan")
            let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "P\(store.identity.clinicID)",
                                                      billingNPI: npi, diagnoses: ["E11.9"]))
            _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", units: 1, charge: "100",
                                                             serviceDate: "2025-01-10"))
            return try store.claim(claim.id)
        }

        @Test(arguments: CentralKind.available)
        func aClinicSyncsThroughEitherProcessAndNeverSeesAnotherClinicsRows(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            let token = try await world.central.enroll(clinicID: "alpha", name: nil)
            let front = try await world.clinic("alpha", site: "front", token: token)
            let back = try await world.clinic("alpha", site: "back", token: token)
            let beta = try await world.clinic("beta")
            let claim = try Self.seed(front)
            try await world.sync(front, through: 0)
            try await world.sync(back, through: 1)
            try await world.sync(beta, through: 1)
            #expect(try back.claim(claim.id) == claim)
            #expect(try beta.claims().isEmpty && beta.patients().isEmpty)
            #expect(try await world.central.row("claim", id: claim.id)?["claim_number"] == .text(claim.claimNumber))

            // beta sends one of alpha's changes under its own token and site: refused, nothing changes.
            _ = try front.setClaimField(claim.id, field: .notes, value: "x")
            var change = try #require(try front.outbox().first)
            change.version.site = beta.identity.siteID
            let forged = PushRequest(schemaVersion: StoreMigrations.schemaVersion, clinicID: "beta",
                                     siteID: beta.identity.siteID, changes: [change])
            let client = try world.client(for: beta, through: 1)
            let response = try await client.push(forged)
            await client.shutdown()
            #expect(response.refused.map(\.reason) == [.outOfScope])
            #expect(try await world.central.row("claim", id: claim.id)?["notes"] == .text(""))
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func aPushReplayedThroughTheOtherProcessChangesNothing(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            let alpha = try await world.clinic("alpha")
            _ = try Self.seed(alpha)
            let request = try #require(try alpha.nextPush())
            let one = try world.client(for: alpha, through: 0), other = try world.client(for: alpha, through: 1)
            let first = try await one.push(request)
            let head = try await world.central.logHead()
            let again = try await other.push(request)
            await one.shutdown()
            await other.shutdown()
            #expect(again.applied == first.applied && again.serverSeqs == first.serverSeqs)
            #expect(try await world.central.logHead() == head)
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func concurrentEditsAtTwoSitesMakeOneConflictSeenEverywhereAndResolutionClosesIt(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            let token = try await world.central.enroll(clinicID: "alpha", name: nil)
            let clock = ManualClock(millis: SystemClock().nowMillis())
            let front = try await world.clinic("alpha", site: "front", token: token, clock: clock)
            let back = try await world.clinic("alpha", site: "back", token: token, clock: clock)
            let claim = try Self.seed(front)
            try await world.sync(front, through: 0)
            try await world.sync(back, through: 1)
            _ = try front.setClaimField(claim.id, field: .notes, value: "front note")
            clock.advance(byMillis: 1_000)  // the back office types a second later: its note wins
            _ = try back.setClaimField(claim.id, field: .notes, value: "back note")
            try await world.sync(front, through: 1)
            try await world.sync(back, through: 0)
            try await world.sync(front, through: 0)
            let atCentral = try await world.central.openConflicts()
            #expect(atCentral.count == 1)
            #expect(try front.conflicts().map(\.id) == atCentral.map(\.id))
            #expect(try back.conflicts().map(\.id) == atCentral.map(\.id))
            #expect(try front.claim(claim.id).notes == "back note" && back.claim(claim.id).notes == "back note")
            #expect(try await world.central.row("claim", id: claim.id)?["notes"] == .text("back note"))

            _ = try front.resolveConflict(try #require(atCentral.first?.id), resolution: .keepLoser)
            try await world.sync(front, through: 1)
            try await world.sync(back, through: 0)
            #expect(try await world.central.openConflicts().isEmpty)
            #expect(try front.conflicts().isEmpty && back.conflicts().isEmpty)
            #expect(try front.claim(claim.id) == back.claim(claim.id))
            #expect(try back.claim(claim.id).notes == "front note")
            #expect(try await world.central.row("claim", id: claim.id)?["notes"] == .text("front note"))
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func aCodingEditThatMissedTheSubmissionIsParkedEverywhere(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            let token = try await world.central.enroll(clinicID: "alpha", name: nil)
            let front = try await world.clinic("alpha", site: "front", token: token)
            let back = try await world.clinic("alpha", site: "back", token: token)
            let claim = try Self.seed(front)
            try await world.sync(front)
            try await world.sync(back, through: 1)
            try front.write { db in
                try db.execute(sql: "UPDATE claim SET lifecycle = ? WHERE id = ?",
                               arguments: [ClaimLifecycle(stage: .submitted).rank, claim.id])
            }
            try await world.sync(front, through: 1)
            let submitted = try front.claim(claim.id)
            _ = try back.setLine(claim: claim.id, lineNumber: 1, LineInput(charge: "250.00"))
            try await world.sync(back, through: 0)
            try await world.sync(front, through: 1)
            #expect(try back.claim(claim.id) == submitted)
            #expect(try front.claim(claim.id) == submitted)
            let parked = try await world.central.openConflicts()
            #expect(!parked.isEmpty && parked.allSatisfy { $0.kind == .submittedClaim })
            #expect(Set(parked.map { "\($0.table).\($0.field)" }) == ["service_line.charge_cents", "claim.total_charge_cents"])
            #expect(try back.conflicts().map(\.id) == parked.map(\.id))
            #expect(try front.conflicts().map(\.id) == parked.map(\.id))
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func aRevokedTokenIsRefusedAndTheWorkStaysInTheOutbox(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            let alpha = try await world.clinic("alpha")
            _ = try alpha.addPayer(payerID: "P1", name: "Plan")
            try await world.central.revoke(clinicID: "alpha")
            await #expect { try await world.sync(alpha, through: 1) } throws: { error in
                guard case .server(let status, _)? = error as? SyncError else { return false }
                return status == 401
            }
            #expect(try await world.central.rowIDs("payer", owner: "alpha").isEmpty)
            #expect(try alpha.syncStatus().outbox == 1)
            await world.stop()
        }

        /// A push stamped an hour ahead is refused whole, on both backends; the sync then re-stamps
        /// the never-accepted change from the central clock and delivers it (issue 27).
        @Test(arguments: CentralKind.available)
        func aClockFarAheadIsRefusedAndTheSyncRecovers(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            let ahead = ManualClock(millis: SystemClock().nowMillis() + 3_600_000)
            let alpha = try await world.clinic("alpha", clock: ahead)
            _ = try alpha.addPayer(payerID: "P1", name: "Plan")
            let client = try world.client(for: alpha)
            let request = try #require(try alpha.nextPush())
            await #expect { try await client.push(request) } throws: { error in
                guard case .server(let status, let body)? = error as? SyncError else { return false }
                return status == 422 && body.error == .clockSkew
            }
            await client.shutdown()
            #expect(try await world.central.logHead() == 0)

            let summary = try await world.sync(alpha)
            #expect(summary.restamped == 1 && summary.pushed == 1 && summary.clock?.direction == .ahead)
            #expect(try await world.central.rowIDs("payer", owner: "alpha").count == 1)
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func concurrentEditsAtAClinicAndTheCentralOfficeMakeOneConflictSeenAtBothEnds(kind: CentralKind) async throws {
            let clock = ManualClock(millis: SystemClock().nowMillis())
            let world = try await CentralWorld.start(kind, clock: clock)
            let alpha = try await world.clinic("alpha", clock: clock)
            let claim = try Self.seed(alpha)
            try await world.sync(alpha)
            _ = try alpha.setClaimField(claim.id, field: .notes, value: "clinic note")
            clock.advance(byMillis: 1_000)  // the central office types a second later: its note wins
            try await world.central.edit("claim", row: claim.id, field: "notes", value: "central note")
            try await world.sync(alpha, through: 1)
            let atClinic = try alpha.conflicts(), atCentral = try await world.central.openConflicts()
            #expect(atClinic.count == 1)
            #expect(atClinic.map(\.id) == atCentral.map(\.id))
            #expect(atClinic.first?.winner == atCentral.first?.winner)
            #expect(try await world.central.row("claim", id: claim.id)?["notes"] == .text(alpha.claim(claim.id).notes))
            #expect(try alpha.claim(claim.id).notes == "central note", "the later edit wins")

            _ = try alpha.resolveConflict(try #require(atClinic.first?.id), resolution: .keepLoser)
            try await world.sync(alpha)
            #expect(try alpha.conflicts().isEmpty)
            #expect(try await world.central.openConflicts().isEmpty)
            #expect(try await world.central.row("claim", id: claim.id)?["notes"] == .text(alpha.claim(claim.id).notes))
            await world.stop()
        }

        @Test(arguments: CentralKind.available)
        func aCodingEditToAClaimTheCentralOfficeSubmittedIsParkedAndTheClaimIsUnchanged(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            let alpha = try await world.clinic("alpha")
            let claim = try Self.seed(alpha)
            try await world.sync(alpha)
            try await world.central.edit("claim", row: claim.id, field: "lifecycle",
                                         value: .integer(Int64(ClaimLifecycle(stage: .submitted).rank)))
            _ = try alpha.setLine(claim: claim.id, lineNumber: 1, LineInput(charge: "250.00"))
            try await world.sync(alpha, through: 1)
            let parked = try alpha.conflicts()
            #expect(parked.allSatisfy { $0.kind == .submittedClaim })
            #expect(Set(parked.map { "\($0.table).\($0.field)=\($0.loser.value)" })
                    == ["service_line.charge_cents=25000", "claim.total_charge_cents=25000"])
            #expect(try await world.central.openConflicts().map(\.id) == parked.map(\.id))
            #expect(try alpha.claim(claim.id).totalChargeCents == claim.totalChargeCents)
            #expect(try alpha.claim(claim.id).lines.map(\.chargeCents) == claim.lines.map(\.chargeCents))
            #expect(try await world.central.row("claim", id: claim.id)?["total_charge_cents"] == .integer(claim.totalChargeCents))
            await world.stop()
        }

        /// Clinics push through alternating processes while the central office writes shared
        /// rows and small-page pulls run: every change reaches every clinic exactly once.
        @Test(arguments: CentralKind.available)
        func pullsNeverSkipAChangeUnderConcurrentClinicAndCentralWriters(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            var clinics: [LocalStore] = []
            for index in 0..<3 { clinics.append(try await world.clinic("c\(index)")) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, clinic) in clinics.enumerated() {
                    group.addTask {
                        for round in 0..<8 {
                            _ = try clinic.addPayer(payerID: "\(clinic.identity.clinicID)R\(round)", name: "Plan \(round)")
                            try await world.sync(clinic, through: index + round)
                        }
                    }
                }
                group.addTask {
                    for index in 0..<40 {
                        try await world.central.add("payer", row: UUID().uuidString.lowercased(), owner: "central",
                                                    values: ["payer_id": .text("CENTRAL\(index)"), "name": .text("Shared \(index)"),
                                                             "filing_indicator": .text("CI")])
                    }
                }
                try await group.waitForAll()
            }
            for (index, clinic) in clinics.enumerated() {
                try await world.sync(clinic, through: index)
                let payers = try clinic.payers()
                #expect(payers.filter { $0.owner == "central" }.count == 40)
                #expect(payers.filter { $0.owner == clinic.identity.clinicID }.count == 8)
                #expect(payers.count == 48, "no other clinic's payers, none missing")
                let dupes = try clinic.read {
                    try Int.fetchOne($0, sql: "SELECT count(*) - count(DISTINCT site || ':' || site_seq) FROM change_log WHERE site_seq IS NOT NULL")
                }
                #expect(dupes == 0, "nothing applied twice")
            }
            await world.stop()
        }

        /// Several clinics push through alternating processes while each also pulls; every
        /// site ends with exactly its clinic's rows, each change applied once.
        @Test(arguments: CentralKind.available)
        func concurrentClinicsThroughTwoProcessesConverge(kind: CentralKind) async throws {
            let world = try await CentralWorld.start(kind)
            var clinics: [LocalStore] = []
            for index in 0..<4 { clinics.append(try await world.clinic("c\(index)")) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, clinic) in clinics.enumerated() {
                    group.addTask {
                        for round in 0..<6 {
                            _ = try clinic.addPayer(payerID: "R\(round)", name: "Plan \(round)")
                            try await world.sync(clinic, through: index + round)
                        }
                    }
                }
                try await group.waitForAll()
            }
            for (index, clinic) in clinics.enumerated() {
                try await world.sync(clinic, through: index)
                #expect(try clinic.payers().count == 6)
                #expect(try await world.central.rowIDs("payer", owner: clinic.identity.clinicID).count == 6)
            }
            await world.stop()
        }
    }
}
