import BillingModel
import ClinicStore
import Foundation
import GRDB
import Testing

/// `enterClaims`: a batch of complete claims, checked like single entry, captured like any write.
@Suite struct BulkEntryTests {
    private static func people(in store: LocalStore) throws -> (patient: String, payer: String) {
        let patient = try store.addPatient(PatientInput(firstName: "Jane", lastName: "Doe", dateOfBirth: "1980-01-01",
                                                        sex: "F", memberID: "M123"))
        _ = try store.addProvider(ProviderInput(npi: "1234567893", name: "Demo Family Practice"))
        _ = try store.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        return (patient.id, "PAYER01")
    }

    private static func line(_ code: String, _ charge: String, pointers: [Int] = [1]) -> LineInput {
        LineInput(procedureCode: code, units: 1, charge: charge, serviceDate: "2025-01-10", diagnosisPointers: pointers)
    }

    private static func changeCount(_ store: LocalStore) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log") ?? 0 }
    }

    @Test func savesClaimsAsSingleEntryWould() throws {
        let store = try TestStores.clinic()
        let (patient, payer) = try Self.people(in: store)
        let before = try Self.changeCount(store)
        let saved = try store.enterClaims([
            ClaimEntry(claim: ClaimInput(patientID: patient, payer: payer, billingNPI: "1234567893", diagnoses: ["E11.9", "I10"]),
                       lines: [Self.line("99213", "100.00", pointers: [1, 2]), Self.line("36415", "25.00")]),
            ClaimEntry(claim: ClaimInput(patientID: patient, payer: payer, billingNPI: "1234567893", diagnoses: []),
                       lines: [Self.line("99212", "80")]),
        ], author: "batch")

        let first = try store.claim(saved[0].id)
        #expect(first == saved[0])
        #expect(first.lines.map(\.lineNumber) == [1, 2])
        #expect(first.totalChargeCents == 12_500)
        #expect(first.lifecycle.stage == .coded)
        #expect(first.diagnoses == ["E119", "I10"])
        // Without diagnoses a claim stays a draft, as addLine leaves it.
        #expect(try store.claim(saved[1].id).lifecycle.stage == .draft)
        // Every row went through the capture triggers, in the same transaction: one insert change each.
        #expect(try Self.changeCount(store) == before + 5)
        let history = try store.claimHistory(saved[0].id)
        #expect(history.count == 3 && history.allSatisfy { $0.author == "batch" })
    }

    @Test func aBadClaimRefusesTheWholeBatchAndNamesIt() throws {
        let store = try TestStores.clinic()
        let (patient, payer) = try Self.people(in: store)
        let before = try Self.changeCount(store)
        let good = ClaimEntry(claim: ClaimInput(patientID: patient, payer: payer, billingNPI: "1234567893", diagnoses: ["I10"]),
                              lines: [Self.line("99213", "100")])
        let badLine = ClaimEntry(claim: good.claim, lines: [Self.line("99213", "100"), Self.line("99213", "ten")])
        #expect {
            try store.enterClaims([good, badLine])
        } throws: { error in
            String(describing: error).contains("claim 2 of the batch") && String(describing: error).contains("line 2")
        }
        let unknownPatient = ClaimEntry(claim: ClaimInput(patientID: "nobody", payer: payer, billingNPI: "1234567893"),
                                        lines: [Self.line("99213", "100")])
        #expect(throws: StoreError.self) { try store.enterClaims([good, unknownPatient]) }
        let tooLong = ClaimEntry(claim: good.claim, lines: Array(repeating: Self.line("99213", "1"), count: 51))
        #expect(throws: StoreError.self) { try store.enterClaims([tooLong]) }
        #expect(try store.claims().isEmpty)
        #expect(try Self.changeCount(store) == before)
    }

    @Test func enteredClaimsSyncLikeAnyOther() throws {
        let central = try SyncHarness.central()
        let store = try TestStores.clinic()
        let (patient, payer) = try Self.people(in: store)
        let saved = try store.enterClaims((0..<30).map { index in
            ClaimEntry(claim: ClaimInput(patientID: patient, payer: payer, billingNPI: "1234567893", diagnoses: ["I10"]),
                       lines: (0..<(1 + index % 4)).map { _ in Self.line("99213", "100") })
        })
        try SyncHarness.sync(store, with: central)
        #expect(saved.count == 30)
        #expect(saved.reduce(0) { $0 + $1.lines.count } == 73, "1 to 4 lines each")
        #expect(try central.claims().count == 30, "every entered claim reached the central store")
        for claim in saved {
            #expect(try central.claim(claim.id) == claim)
        }
    }

    /// Every connection of a store file, writer and reader, created or reopened, runs with the
    /// settings bulk entry and sync rely on. `temp_store = MEMORY`: a big batch fires a capture
    /// trigger per row, each with its statement journal, which on disk costs write calls row
    /// after row. `wal_autocheckpoint = 16384`: a sync commits per pushed batch and pulled page,
    /// and the commit that takes the WAL past that many pages checkpoints with two fsyncs:
    /// every 64 MiB, not every 4. And the WAL itself.
    @Test(arguments: [("temp_store", "2"), ("wal_autocheckpoint", "16384"), ("journal_mode", "wal")])
    func aStoreFileSetsWhatBulkWritesAndSyncsRelyOn(pragma: String, expected: String) throws {
        let (created, folder) = try TestStores.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reopened = try LocalStore.open(at: created.path, clock: ManualClock(millis: TestStores.epochMillis))
        for store in [created, reopened] {
            #expect(try store.write { try String.fetchOne($0, sql: "PRAGMA \(pragma)") } == expected)
            #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA \(pragma)") } == expected)
        }
    }
}
