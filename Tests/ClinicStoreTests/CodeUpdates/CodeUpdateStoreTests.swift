import BillingModel
import ClinicStore
import Foundation
import Testing

/// DESIGN §13 at the store: releases received from the central office take their place, the
/// last sync's releases are noted for `status`, and `codes impact` at the central office
/// covers every clinic's open claims.
@Suite struct CodeUpdateStoreTests {
    static func spec(_ system: CodeSystem, _ name: String, _ from: String) -> ReleaseImport {
        ReleaseImport(system: system, name: name, effectiveFrom: CalendarDate(from)!, sourceName: "\(name).csv")
    }

    static let cpt2025 = Array("code,description\n99201,Old visit\n99213,Visit\n".utf8)
    static let cpt2026 = Array("code,description\n99213,Visit\n99215,Long visit\n".utf8)

    @Test func aReceivedReleaseEndsThePreviousOneAndTheSyncNotesIt() throws {
        let central = try SyncHarness.central()
        let clock = ManualClock(millis: TestStores.epochMillis)
        let clinic = try LocalStore.inMemory(role: .clinic, clinicID: "clinic-a", clock: clock, ids: .seeded(3))
        let first = try central.importRelease(Self.spec(.cpt, "CPT-2025", "2025-01-01"), bytes: Self.cpt2025)
        #expect(try clinic.importReleaseFile(central.releaseFile(id: first.id)))
        try clinic.recordSyncCompleted()
        #expect(try clinic.releasesFromLastSync().map(\.release.name) == ["CPT-2025"])
        #expect(try clinic.releasesFromLastSync().first?.previous == nil)

        clock.advance(byMillis: 60_000)
        try clinic.recordSyncCompleted()
        #expect(try clinic.releasesFromLastSync().isEmpty, "a sync that brought nothing clears the note")

        let second = try central.importRelease(Self.spec(.cpt, "CPT-2026", "2026-01-01"), bytes: Self.cpt2026)
        #expect(try central.releases(system: .cpt).map(\.effectiveTo) == [nil, "2025-12-31"])
        clock.advance(byMillis: 60_000)
        #expect(try clinic.importReleaseFile(central.releaseFile(id: second.id)))
        #expect(try clinic.releases(system: .cpt).map(\.effectiveTo) == [nil, "2025-12-31"], "the clinic's copy ends too")
        try clinic.recordSyncCompleted()
        let received = try clinic.releasesFromLastSync()
        #expect(received.map(\.release.name) == ["CPT-2026"])
        #expect(received.first?.hints == ["clinicsync codes diff --system cpt --from CPT-2025 --to CPT-2026",
                                          "clinicsync codes impact --release CPT-2026 --system cpt"])
    }

    @Test func aCheckedImportIsRefusedWhereItDoesNotFitAndChangesNothing() throws {
        let store = try TestStores.clinic()
        _ = try store.importRelease(Self.spec(.cpt, "CPT-2026", "2026-01-01"), bytes: Self.cpt2026)
        let before = try store.releases()
        #expect(throws: ReleaseOrderError.self) {
            try store.importRelease(Self.spec(.cpt, "CPT-2025", "2025-01-01"), bytes: Self.cpt2025)
        }
        #expect(try store.releases() == before)
        #expect(try store.lookupCode("99201").isEmpty, "no code of the refused release was written")
        // The same file taken as it comes (shipped, or from the central office) fits in before it.
        var fitted = Self.spec(.cpt, "CPT-2025", "2025-01-01")
        fitted.ordering = .fitted
        #expect(try store.importRelease(fitted, bytes: Self.cpt2025).effectiveTo == "2025-12-31")
    }

    @Test func theCentralOfficeSeesEveryClinicsOpenClaimsTheReleaseTouches() throws {
        let central = try SyncHarness.central()
        _ = try central.importRelease(Self.spec(.icd10cm, "ICD-A", "2024-10-01"),
                                      bytes: Array("code,description\nJ029,Sore throat\nI10,Hypertension\n".utf8))
        _ = try central.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        var expected: [String: String] = [:]
        for (index, clinicID) in ["alpha", "beta"].enumerated() {
            let clinic = try LocalStore.inMemory(role: .clinic, clinicID: clinicID, clock: ManualClock(millis: TestStores.epochMillis),
                                                 ids: .seeded(UInt64(10 + index)))
            try SyncHarness.sync(clinic, with: central)
            let patient = try clinic.addPatient(PatientInput(firstName: "Ann", lastName: "Lee", dateOfBirth: "1970-02-03",
                                                             sex: "F", memberID: "M\(index)"))
            _ = try clinic.addProvider(ProviderInput(npi: "1234567893", name: "Practice \(clinicID)"))
            let touched = try clinic.newClaim(ClaimInput(patientID: patient.id, payer: "PAYER01", billingNPI: "1234567893",
                                                         diagnoses: ["J02.9"]))
            _ = try clinic.addLine(claim: touched.id, LineInput(procedureCode: "99213", units: 1, charge: "80.00",
                                                                serviceDate: "2025-01-15", diagnosisPointers: [1]))
            let untouched = try clinic.newClaim(ClaimInput(patientID: patient.id, payer: "PAYER01", billingNPI: "1234567893",
                                                           diagnoses: ["I10"]))
            _ = try clinic.addLine(claim: untouched.id, LineInput(procedureCode: "99213", units: 1, charge: "80.00",
                                                                  serviceDate: "2025-01-15", diagnosisPointers: [1]))
            try SyncHarness.sync(clinic, with: central)
            expected[touched.id] = clinicID
        }
        _ = try central.importRelease(Self.spec(.icd10cm, "ICD-B", "2025-01-01"),
                                      bytes: Array("code,description\nJ0290,Sore throat, other\nI10,Hypertension\n".utf8))
        let report = try central.releaseImpact("ICD-B")
        #expect(report.openClaims == 4 && report.deletedCodes == 1 && report.previous?.name == "ICD-A")
        #expect(Dictionary(uniqueKeysWithValues: report.claims.map { ($0.id, $0.clinic) }) == expected)
        #expect(report.claims.allSatisfy { $0.impacts.map(\.kind) == [.deletedCode] && $0.impacts.first?.code == "J029" })
    }

    @Test func aCategoryIILineCarriesAPerformanceModifierAtZeroCharge() throws {
        typealias F = SubmissionFixtures
        let store = try F.store()
        let people = try F.people(in: store)
        #expect(Set(try ["1P", "2P", "3P", "8P"].flatMap { try store.lookupCode($0) }.map(\.code)) == ["1P", "2P", "3P", "8P"])
        let claim = try F.claim(in: store, patient: people.subscriber,
                                lines: [F.line("99213"), F.line("3074F", ["8P"], charge: "0.00")])
        let check = try store.checkClaim(claim.id)
        #expect(!check.hasErrors, "\(check.findings)")
        let unknown = try F.claim(in: store, patient: people.subscriber, lines: [F.line("99213"), F.line("3074F", ["9P"], charge: "0.00")])
        let refused = try store.checkClaim(unknown.id).findings
        #expect(refused.filter { $0.severity == .error }.map(\.rule) == [.modifierUnknown], "a modifier outside the list is still refused: \(refused)")
    }
}
