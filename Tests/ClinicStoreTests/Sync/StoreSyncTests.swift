import BillingModel
import ClinicStore
import GRDB
import SyncModel
import Testing

/// DESIGN §4–5 through the store API, in process: push, pull, scope, merge and conflicts.
@Suite struct StoreSyncTests {
    @Test func aClaimTravelsToTheCentralNodeAndNotToAnotherClinic() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("alpha", seed: 1), beta = try TestStores.clinic("beta", seed: 2)
        let claim = try TestStores.seedClaim(in: alpha)
        try SyncHarness.sync(alpha, with: central)
        try SyncHarness.sync(beta, with: central)
        #expect(try central.claim(claim.id) == claim)
        #expect(throws: StoreError.self) { try beta.claim(claim.id) }
        #expect(try beta.patients().isEmpty)
        #expect(try alpha.syncStatus().outbox == 0)
    }

    /// A reply's server sequences land on the right log rows whether they run on with the
    /// local sequences (set a run at a time), jump, or are missing (0: left unset).
    @Test func aPushReplyRecordsEachChangesServerSequence() throws {
        let alpha = try TestStores.clinic("alpha")
        try TestStores.seedClaim(in: alpha)
        let seqs = try #require(try alpha.nextPush()).changes.map(\.version.seq)
        try #require(seqs.count >= 7)
        let applied = Array(seqs.prefix(7))
        let serverSeqs: [Int64] = [40, 41, 42, 0, 90, 91, 12]
        try alpha.recordPush(PushResponse(applied: applied, highestAppliedSeq: applied.last!, serverSeqs: serverSeqs))
        let recorded = try alpha.read { db in
            try applied.map { try Int64.fetchOne(db, sql: "SELECT server_seq FROM change_log WHERE seq = ?", arguments: [$0]) }
        }
        #expect(recorded == [40, 41, 42, nil, 90, 91, 12])
        let untouched = try alpha.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE seq > ? AND server_seq IS NOT NULL",
                             arguments: [applied.last!])
        }
        #expect(untouched == 0)
        #expect(try alpha.syncStatus().pushedSeq == applied.last!)
    }

    @Test func aReplayedPushChangesNothing() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("alpha")
        try TestStores.seedClaim(in: alpha)
        let request = try #require(try alpha.nextPush())
        let first = try central.acceptPush(request, from: "alpha")
        let logSize = try central.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") }
        let second = try central.acceptPush(request, from: "alpha")
        #expect(second.applied == first.applied && second.serverSeqs == first.serverSeqs)
        #expect(try central.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") } == logSize)
    }

    @Test func concurrentEditsMakeOneConflictWithTheSameWinnerEverywhere() throws {
        let clock = ManualClock(millis: TestStores.epochMillis)
        let central = try LocalStore.inMemory(role: .central, clinicID: "central", clock: clock, ids: .seeded(9))
        let alpha = try LocalStore.inMemory(role: .clinic, clinicID: "alpha", clock: clock, ids: .seeded(1))
        let claim = try TestStores.seedClaim(in: alpha)
        try SyncHarness.sync(alpha, with: central)
        clock.advance(byMillis: 1000)
        _ = try alpha.setClaimField(claim.id, field: .notes, value: "clinic says: call patient")
        clock.advance(byMillis: 1000)
        _ = try central.setClaimField(claim.id, field: .notes, value: "central says: payer called")
        try SyncHarness.sync(alpha, with: central)
        try SyncHarness.sync(alpha, with: central)
        #expect(try alpha.claim(claim.id).notes == "central says: payer called")
        #expect(try central.claim(claim.id).notes == "central says: payer called")
        let atClinic = try alpha.conflicts(), atCentral = try central.conflicts()
        #expect(atClinic.count == 1 && atCentral.count == 1)
        #expect(atClinic.first?.id == atCentral.first?.id)
        #expect(atClinic.first?.loser.value == .text("clinic says: call patient"))

        // Found by a prefix of its id; LIKE's wildcards typed as an id find nothing.
        let id = try #require(atCentral.first?.id)
        #expect(try central.conflict(String(id.prefix(8))).id == id)
        for wildcard in ["%", "_", "\(id.prefix(4))%"] {
            #expect(throws: StoreError.notFound(entity: "conflict", id: wildcard)) { try central.conflict(wildcard) }
        }

        _ = try central.resolveConflict(id, resolution: .keepLoser)
        try SyncHarness.sync(alpha, with: central)
        #expect(try alpha.conflicts().isEmpty && central.conflicts().isEmpty)
        #expect(try alpha.claim(claim.id).notes == "clinic says: call patient")
        #expect(try central.claim(claim.id).notes == "clinic says: call patient")
    }

    @Test func aCodingEditToASubmittedClaimIsParked() throws {
        let clock = ManualClock(millis: TestStores.epochMillis)
        let central = try LocalStore.inMemory(role: .central, clinicID: "central", clock: clock, ids: .seeded(9))
        let alpha = try LocalStore.inMemory(role: .clinic, clinicID: "alpha", clock: clock, ids: .seeded(1))
        let claim = try TestStores.seedClaim(in: alpha)
        try SyncHarness.sync(alpha, with: central)
        // The central office submits while the clinic, offline, changes a charge.
        try central.write { db in
            try db.execute(sql: "UPDATE claim SET lifecycle = ? WHERE id = ?",
                           arguments: [ClaimLifecycle(stage: .submitted).rank, claim.id])
        }
        clock.advance(byMillis: 1000)
        _ = try alpha.setLine(claim: claim.id, lineNumber: 1, LineInput(charge: "999.00"))
        try SyncHarness.sync(alpha, with: central)
        try SyncHarness.sync(alpha, with: central)
        let atCentral = try central.claim(claim.id), atClinic = try alpha.claim(claim.id)
        #expect(atCentral.lines[0].chargeCents == 10_000)
        #expect(atClinic.lines[0].chargeCents == 10_000)
        #expect(atClinic.lifecycle.stage == .submitted)
        let conflicts = try alpha.conflicts()
        #expect(conflicts.contains { $0.kind == .submittedClaim && $0.loser.value == .integer(99_900) })
        #expect(try central.conflicts().map(\.id).sorted() == conflicts.map(\.id).sorted())
    }

    @Test func pushesOutsideTheClinicsScopeAreRefused() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("alpha")
        _ = try alpha.addPayer(payerID: "P1", name: "Plan")
        var request = try #require(try alpha.nextPush())
        // Pretend to be beta: the token says alpha.
        #expect(throws: ErrorBody.self) { try central.acceptPush(request, from: "beta") }
        // A row claiming another owner, an unknown field, a central-owned row.
        var foreign = request.changes[0]
        foreign.owner = "beta"
        var unknown = request.changes[0]
        unknown.version.seq += 1
        unknown.rowValues["ssn"] = .text("123")
        var centralRow = request.changes[0]
        centralRow.version.seq += 2
        centralRow.owner = "central"
        request.changes = [foreign, unknown, centralRow]
        let response = try central.acceptPush(request, from: "alpha")
        #expect(response.applied.isEmpty)
        #expect(response.refused.map(\.reason) == [.outOfScope, .unknownField, .readOnlyTable])
        #expect(try central.payers().isEmpty)
    }

    @Test func aStaleSchemaVersionIsRefusedWithAdvice() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("alpha")
        _ = try alpha.addPayer(payerID: "P1", name: "Plan")
        var request = try #require(try alpha.nextPush())
        request.schemaVersion = 0
        #expect { try central.acceptPush(request, from: "alpha") } throws: { error in
            (error as? ErrorBody)?.message.contains("upgrade ClinicSync at the clinic") == true
        }
    }

    @Test func aClockFarAheadIsRefused() throws {
        let central = try SyncHarness.central()
        let alpha = try LocalStore.inMemory(role: .clinic, clinicID: "alpha",
                                            clock: ManualClock(millis: TestStores.epochMillis + 3_600_000), ids: .seeded(3))
        _ = try alpha.addPayer(payerID: "P1", name: "Plan")
        #expect(throws: ClockSkewError.self) { try central.acceptPush(try #require(try alpha.nextPush()), from: "alpha") }
        #expect(try central.payers().isEmpty)
    }

    @Test func tokensAreShownOnceStoredHashedAndRevocable() throws {
        let central = try SyncHarness.central()
        let token = try central.enroll(clinicID: "alpha")
        #expect(try central.authenticate(token: token) == "alpha")
        #expect(try central.authenticate(token: token + "x") == nil)
        #expect(try central.authenticate(token: "alpha.forged") == nil)
        let stored = try central.read { try String.fetchAll($0, sql: "SELECT token_hash FROM clinic_enrollment") }
        #expect(!stored.contains(token) && !stored.contains { $0.contains(token.split(separator: ".")[1]) })
        try central.revoke(clinicID: "alpha")
        #expect(try central.authenticate(token: token) == nil)
        #expect(throws: StoreError.notAllowed(entity: "clinic", id: "alpha",
                                              reason: "its token is revoked: give --reinstate to enroll it again")) {
            try central.enroll(clinicID: "alpha")
        }
        let rotated = try central.enroll(clinicID: "alpha", reinstate: true)
        #expect(rotated != token)
        #expect(try central.authenticate(token: rotated) == "alpha")
    }
}

/// DESIGN §4 bootstrap: a new clinic gets the current state of its scope, not every edit.
@Suite struct SnapshotBootstrapTests {
    @Test func aNewReplicaReceivesCurrentStateNotHistory() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("alpha", seed: 1)
        let claim = try TestStores.seedClaim(in: alpha)
        for round in 0..<30 { _ = try alpha.setClaimField(claim.id, field: .notes, value: "edit \(round)") }
        try SyncHarness.sync(alpha, with: central)
        for round in 0..<20 { _ = try central.addPayer(payerID: "SHARED\(round)", name: "Shared plan \(round)") }

        // The same clinic re-installed: a new store, the same clinic id, cursor 0.
        let reinstalled = try TestStores.clinic("alpha", seed: 2)
        let page = try central.pull(for: "alpha", site: reinstalled.identity.siteID, since: 0, limit: 5_000)
        #expect(page.changes.filter { $0.row == claim.id && $0.field == "notes" }.count == 1, "one notes entry, not 31")
        try reinstalled.applyPull(page)
        #expect(try reinstalled.claim(claim.id) == central.claim(claim.id))
        #expect(try reinstalled.claim(claim.id).notes == "edit 29")
        #expect(try reinstalled.payers().count == 21)
        #expect(try reinstalled.conflicts().isEmpty)
    }
}
