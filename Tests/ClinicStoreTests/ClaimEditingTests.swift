import BillingModel
import ClinicStore
import GRDB
import Testing

/// Claims and lines through the typed API: validation, totals, lifecycle.
@Suite struct ClaimEditingTests {
    @Test func totalsFollowTheLines() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        #expect(claim.totalChargeCents == 12_500)
        #expect(claim.lifecycle.stage == .coded)
        _ = try store.setLine(claim: claim.id, lineNumber: 2, LineInput(charge: "30"))
        #expect(try store.claim(claim.claimNumber).totalChargeCents == 13_000)
        let after = try store.removeLine(claim: claim.id, lineNumber: 1)
        #expect(after.totalChargeCents == 3_000 && after.lines.map(\.lineNumber) == [2])
    }

    @Test(arguments: [
        LineInput(procedureCode: "9921", units: 1, charge: "10", serviceDate: "2025-01-10"),
        LineInput(procedureCode: "99213", units: 1, charge: "ten", serviceDate: "2025-01-10"),
        LineInput(procedureCode: "99213", units: 1, charge: "10", serviceDate: "2025-02-30"),
        LineInput(procedureCode: "99213", modifiers: ["25", "59", "LT", "RT", "76"], units: 1, charge: "10", serviceDate: "2025-01-10"),
        LineInput(procedureCode: "99213", units: 1, charge: "10", serviceDate: "2025-01-10", diagnosisPointers: [1, 2, 3, 4, 5]),
        LineInput(procedureCode: "99213", units: -1, charge: "10", serviceDate: "2025-01-10"),
    ])
    func badLinesAreRefusedAndChangeNothing(input: LineInput) throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        let changesBefore = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") }
        #expect(throws: StoreError.self) { try store.addLine(claim: claim.id, input) }
        #expect(try store.claim(claim.id) == claim)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") } == changesBefore)
    }

    @Test func badPeopleAreRefused() throws {
        let store = try TestStores.clinic()
        #expect(throws: StoreError.self) {
            try store.addPatient(PatientInput(firstName: "A", lastName: "B", dateOfBirth: "2099-01-01", sex: "F", memberID: "M"))
        }
        #expect(throws: StoreError.self) { try store.addProvider(ProviderInput(npi: "1234567890", name: "Bad check digit")) }
        #expect(throws: StoreError.self) { try store.addPayer(payerID: "P1", name: "Plan", filingIndicator: "ZZZ") }
        #expect(try store.patients().isEmpty && store.providers().isEmpty && store.payers().isEmpty)
    }

    @Test func codingIsFrozenOnceSubmitted() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        try store.write { db in
            try db.execute(sql: "UPDATE claim SET lifecycle = ? WHERE id = ?",
                           arguments: [ClaimLifecycle(stage: .submitted).rank, claim.id])
        }
        #expect(throws: StoreError.self) { try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", units: 1, charge: "1", serviceDate: "2025-01-10")) }
        #expect(throws: StoreError.self) { try store.setClaimField(claim.id, field: .diagnoses, value: "I10") }
        let noted = try store.setClaimField(claim.id, field: .notes, value: "payer called")
        #expect(noted.notes == "payer called")
        let accepted = try store.setClaimField(claim.id, field: .status, value: "accepted")
        #expect(accepted.lifecycle.stage == .accepted)
        #expect(throws: StoreError.self) { try store.setClaimField(claim.id, field: .status, value: "draft") }
    }

    @Test func aRejectedClaimOpensTheNextRoundWhenEdited() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        try store.write { db in
            try db.execute(sql: "UPDATE claim SET lifecycle = ? WHERE id = ?",
                           arguments: [ClaimLifecycle(stage: .rejected).rank, claim.id])
        }
        let fixed = try store.setClaimField(claim.id, field: .diagnoses, value: "E11.9")
        #expect(fixed.lifecycle == ClaimLifecycle(round: 2, stage: .coded))
    }

    @Test func aVoidClaimCannotBeRecoded() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        try store.write { db in try db.execute(sql: "UPDATE claim SET frequency = '8' WHERE id = ?", arguments: [claim.id]) }
        #expect(throws: StoreError.self) { try store.setLine(claim: claim.id, lineNumber: 1, LineInput(charge: "1")) }
        #expect(try store.claim(claim.id).lines == claim.lines)
    }
}
