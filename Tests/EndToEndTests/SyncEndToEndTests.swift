import BillingModel
import ClinicStore
import Foundation
import GRDB
import SyncEngine
import SyncModel
import Testing

/// DESIGN §4–5 end to end: a live central node on loopback, real store files, HTTP sync.
@Suite(.serialized, .timeLimit(.minutes(5))) struct SyncEndToEndTests {
    static func seed(_ store: LocalStore, npi: String = "1234567893") throws -> Claim {
        let patient = try store.addPatient(PatientInput(firstName: "Jane", lastName: "Doe", dateOfBirth: "1980-01-01",
                                                        sex: "F", memberID: "M1"))
        _ = try store.addProvider(ProviderInput(npi: npi, name: "Practice"))
        _ = try store.addPayer(payerID: "P\(store.identity.clinicID)", name: "Plan")
        let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "P\(store.identity.clinicID)",
                                                  billingNPI: npi, diagnoses: ["E11.9"]))
        _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", units: 1, charge: "100", serviceDate: "2025-01-10"))
        return try store.claim(claim.id)
    }

    @Test func aClinicNeitherPullsNorPushesAnotherClinicsRows() async throws {
        let world = try await E2EWorld.start()
        let alpha = try world.clinic("alpha"), beta = try world.clinic("beta")
        let claim = try Self.seed(alpha)
        try await world.sync(alpha)
        try await world.sync(beta)
        #expect(try world.central.claim(claim.id) == claim)
        #expect(try beta.claims().isEmpty && beta.patients().isEmpty)

        // beta sends one of alpha's changes under its own token and site: refused, nothing changes.
        _ = try alpha.setClaimField(claim.id, field: .notes, value: "x")
        var change = try #require(try alpha.outbox().first)
        change.version.site = beta.identity.siteID
        let forged = PushRequest(schemaVersion: StoreMigrations.schemaVersion, clinicID: "beta",
                                 siteID: beta.identity.siteID, changes: [change])
        let client = try world.client(for: beta)
        let response = try await client.push(forged)
        await client.shutdown()
        #expect(response.refused.map(\.reason) == [.outOfScope])
        #expect(try world.central.claim(claim.id).notes == "")
        await world.stop()
    }

    /// A coder who writes at every step of a sync does not keep it from ending: the sync
    /// pushes what it found, ends without an error, and the next sync takes the rest.
    @Test func aSyncEndsWhileTheCoderKeepsWriting() async throws {
        let world = try await E2EWorld.start()
        let alpha = try world.clinic("alpha")
        let claim = try Self.seed(alpha)
        let (_, token) = try #require(try alpha.remote())
        let summary = try await CentralClient.with(serverURL: world.node.url, token: token) { client in
            try await Synchronizer(store: alpha, client: client).run { _ in
                _ = try? alpha.setClaimField(claim.id, field: .notes, value: "typed \(UUID().uuidString)")
            }
        }
        #expect(summary.rounds <= 2)
        #expect(try world.central.claim(claim.id).lines == claim.lines)
        let typedLast = try alpha.claim(claim.id).notes
        #expect(try alpha.syncStatus().outbox > 0)

        try await world.sync(alpha)
        #expect(try alpha.syncStatus().outbox == 0)
        #expect(try world.central.claim(claim.id).notes == typedLast)
        await world.stop()
    }

    /// Replies are recorded while the next batch is in flight; a sync returns only when every
    /// one is recorded: each local change holds the server sequence the central node gave it.
    @Test func aSyncInSmallBatchesRecordsEveryReplyBeforeItReturns() async throws {
        let world = try await E2EWorld.start()
        let alpha = try world.clinic("alpha")
        let claim = try Self.seed(alpha)
        for note in 1...9 { _ = try alpha.setClaimField(claim.id, field: .notes, value: "note \(note)") }
        let outbox = try alpha.syncStatus().outbox
        let (_, token) = try #require(try alpha.remote())
        let summary = try await CentralClient.with(serverURL: world.node.url, token: token) { client in
            var synchronizer = Synchronizer(store: alpha, client: client)
            synchronizer.pushBatch = 2
            return try await synchronizer.run()
        }
        #expect(summary.pushed == outbox && outbox > 10)
        #expect(try alpha.syncStatus().outbox == 0)
        let site = alpha.identity.siteID
        let recorded = try alpha.read {
            try Row.fetchAll($0, sql: "SELECT seq, server_seq FROM change_log WHERE site = ? ORDER BY seq", arguments: [site])
                .map { [$0[0] as Int64, $0[1] as Int64? ?? 0] }
        }
        let given = try world.central.read {
            try Row.fetchAll($0, sql: "SELECT site_seq, seq FROM change_log WHERE site = ? ORDER BY site_seq", arguments: [site])
                .map { [$0[0] as Int64, $0[1] as Int64] }
        }
        #expect(recorded.count == outbox)
        #expect(recorded == given)
        #expect(try world.central.claim(claim.id).notes == "note 9")
        await world.stop()
    }

    @Test func aReplayedPushChangesNothing() async throws {
        let world = try await E2EWorld.start()
        let alpha = try world.clinic("alpha")
        _ = try Self.seed(alpha)
        let request = try #require(try alpha.nextPush())
        let client = try world.client(for: alpha)
        let first = try await client.push(request)
        let size = try world.central.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") }
        let again = try await client.push(request)
        await client.shutdown()
        #expect(again.applied == first.applied && again.serverSeqs == first.serverSeqs)
        #expect(try world.central.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") } == size)
        await world.stop()
    }

    /// Pushers and central writers run concurrently with small-page pullers: every change
    /// reaches every puller exactly once, in server order, none skipped.
    @Test func pullsNeverSkipAChangeUnderConcurrentWriters() async throws {
        let world = try await E2EWorld.start()
        let clinics = try (0..<3).map { try world.clinic("c\($0)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for clinic in clinics {
                group.addTask {
                    for round in 0..<8 {
                        _ = try clinic.addPayer(payerID: "\(clinic.identity.clinicID)R\(round)", name: "Plan \(round)")
                        try await world.sync(clinic)
                    }
                }
            }
            group.addTask {
                for index in 0..<40 { _ = try world.central.addPayer(payerID: "CENTRAL\(index)", name: "Shared \(index)") }
            }
            try await group.waitForAll()
        }
        for clinic in clinics { try await world.sync(clinic) }
        for clinic in clinics {
            let payers = try clinic.payers()
            #expect(payers.filter { $0.owner == "central" }.count == 40)
            #expect(payers.filter { $0.owner == clinic.identity.clinicID }.count == 8)
            #expect(payers.count == 48, "no other clinic's payers, none missing")
            let dupes = try clinic.read { try Int.fetchOne($0, sql: "SELECT count(*) - count(DISTINCT site || ':' || site_seq) FROM change_log WHERE site_seq IS NOT NULL") }
            #expect(dupes == 0, "nothing applied twice")
        }
        await world.stop()
    }

    @Test func concurrentEditsMakeOneConflictSeenAtBothEndsAndResolutionClosesItEverywhere() async throws {
        let clock = ManualClock(millis: SystemClock().nowMillis())
        let world = try await E2EWorld.start(clock: clock)
        let alpha = try world.clinic("alpha", clock: clock)
        let claim = try Self.seed(alpha)
        try await world.sync(alpha)
        _ = try alpha.setClaimField(claim.id, field: .notes, value: "clinic note")
        clock.advance(byMillis: 1_000)  // the central office types a second later: its note wins
        _ = try world.central.setClaimField(claim.id, field: .notes, value: "central note")
        try await world.sync(alpha)
        let atClinic = try alpha.conflicts(), atCentral = try world.central.conflicts()
        #expect(atClinic.count == 1)
        #expect(try alpha.claim(claim.id).notes == "central note" && atClinic.first?.loser.value == .text("clinic note"))
        #expect(atClinic.map(\.id) == atCentral.map(\.id))
        #expect(atClinic.first?.winner == atCentral.first?.winner)
        #expect(try alpha.claim(claim.id).notes == world.central.claim(claim.id).notes)

        _ = try alpha.resolveConflict(try #require(atClinic.first?.id), resolution: .keepLoser)
        try await world.sync(alpha)
        #expect(try alpha.conflicts().isEmpty && world.central.conflicts().isEmpty)
        #expect(try alpha.claim(claim.id) == world.central.claim(claim.id))
        await world.stop()
    }

    @Test func aCodingEditToASubmittedClaimIsParkedAndTheClaimIsUnchanged() async throws {
        let world = try await E2EWorld.start()
        let alpha = try world.clinic("alpha")
        let claim = try Self.seed(alpha)
        try await world.sync(alpha)
        try world.central.write { db in
            try db.execute(sql: "UPDATE claim SET lifecycle = ? WHERE id = ?",
                           arguments: [ClaimLifecycle(stage: .submitted).rank, claim.id])
        }
        let submitted = try world.central.claim(claim.id)
        _ = try alpha.setLine(claim: claim.id, lineNumber: 1, LineInput(charge: "250.00"))
        try await world.sync(alpha)
        #expect(try world.central.claim(claim.id) == submitted)
        #expect(try alpha.claim(claim.id) == submitted)
        // The line charge and the claim total it moved are both parked, nothing else.
        let parked = try alpha.conflicts()
        #expect(parked.allSatisfy { $0.kind == .submittedClaim })
        #expect(Set(parked.map { "\($0.table).\($0.field)=\($0.loser.value)" })
                == ["service_line.charge_cents=25000", "claim.total_charge_cents=25000"])
        #expect(try world.central.conflicts().map(\.id) == parked.map(\.id))
        await world.stop()
    }

    @Test func aRevokedTokenIsRefused() async throws {
        let world = try await E2EWorld.start()
        let alpha = try world.clinic("alpha")
        _ = try alpha.addPayer(payerID: "P1", name: "Plan")
        try world.central.revoke(clinicID: "alpha")
        await #expect { try await world.sync(alpha) } throws: { ($0 as? SyncError)?.status == 401 }
        #expect(try world.central.payers().isEmpty)
        #expect(try alpha.syncStatus().outbox == 1, "the clinic's work stays in its outbox")
        await world.stop()
    }

    /// The public clock check `doctor` calls (issue 27): this machine's clock against the central
    /// node's, read from a live node, either way.
    @Test func theClockCheckComparesThisMachineWithTheCentralNode() async throws {
        let world = try await E2EWorld.start()
        let alpha = try world.clinic("alpha")
        let client = try world.client(for: alpha)
        let day: Int64 = 86_400_000
        let inStep = try await client.clockDifference(from: SystemClock())
        let ahead = try await client.clockDifference(from: OffsetClock(offsetMillis: 30 * day))
        let behind = try await client.clockDifference(from: OffsetClock(offsetMillis: -2 * day))
        await client.shutdown()
        #expect(inStep.direction == .inStep && abs(inStep.offsetMillis) < 2_000, "\(inStep)")
        #expect(ahead.direction == .ahead && abs(ahead.offsetMillis - 30 * day) < 2_000, "\(ahead)")
        #expect(behind.direction == .behind && abs(behind.offsetMillis + 2 * day) < 2_000, "\(behind)")
        await world.stop()
    }

    /// DESIGN §4 keeps the skew limit: a push stamped an hour ahead is refused whole. Issue 27: the
    /// sync does not stop there; it re-stamps the never-accepted change from the central node's
    /// clock, delivers it, and says this machine's clock is ahead.
    @Test func aClockFarAheadIsRefusedAndTheSyncRecovers() async throws {
        let world = try await E2EWorld.start()
        let ahead = ManualClock(millis: SystemClock().nowMillis() + 3_600_000)
        let alpha = try world.clinic("alpha", clock: ahead)
        _ = try alpha.addPayer(payerID: "P1", name: "Plan")
        let client = try world.client(for: alpha)
        let request = try #require(try alpha.nextPush())
        await #expect { try await client.push(request) } throws: { error in
            guard case .server(let status, let body)? = error as? SyncError else { return false }
            return status == 422 && body.error == .clockSkew && body.message.contains("re-stamps")
        }
        await client.shutdown()
        #expect(try world.central.payers().isEmpty)

        let summary = try await world.sync(alpha)
        #expect(summary.restamped == 1 && summary.pushed == 1)
        #expect(summary.clock?.direction == .ahead && summary.clock?.warning?.contains("ahead of the central node's") == true)
        #expect(try world.central.payers().map(\.payerID) == ["P1"])
        await world.stop()
    }
}
