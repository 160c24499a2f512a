import CLITesting
import BillingModel
import ClaimExport
import ClinicStore
import Foundation
import Testing

/// `export x12` from claims created through the store, checked by pyx12's validator.
@Suite struct X12ExportTests {
    typealias F = SubmissionFixtures
    static let settings = ExportSettings(submitterName: "Springfield Family Practice", submitterID: "SFP01",
                                         submitterContact: "Billing Office", submitterPhone: "(217) 555-0100",
                                         receiverName: "Prairie Clearinghouse", receiverID: "PRAIRIECH", usage: .test)

    static func store() throws -> (LocalStore, F.People) {
        let store = try F.store()
        _ = try store.updateExportSettings(settings)
        return (store, try F.people(in: store))
    }

    @Test func everyKindOfClaimInOneFileIsAcceptedByPyx12() throws {
        let (store, people) = try Self.store()
        let simple = try F.claim(in: store, patient: people.subscriber, lines: [F.line("99213", ["25"], pointers: [1, 2]),
                                                                                F.line("36415", charge: "25.00")],
                                 renderingNPI: F.renderingNPI)
        let dependent = try F.claim(in: store, patient: people.child, diagnoses: ["J02.9", "H66.91"],
                                    lines: [F.line("99213", pointers: [1, 2]), F.line("87880", charge: "30.00")])
        let twelve = Array(F.billableDiagnoses.prefix(12))
        let manyDiagnoses = try F.claim(in: store, patient: people.subscriber, diagnoses: twelve, lines: [
            F.line("99215", pointers: [1, 2, 3, 4]), F.line("83036", pointers: [5, 6, 7, 8]),
            F.line("80053", pointers: [9, 10, 11, 12]),
        ])
        let start = try #require(CalendarDate("2025-01-01"))
        let fiftyLines = try F.claim(in: store, patient: people.subscriber, diagnoses: ["M17.11"], lines: (0..<50).map {
            F.line("97110", charge: "45.00", date: start.adding(days: $0).description)
        })
        let fourModifiers = try F.claim(in: store, patient: people.subscriber, diagnoses: ["M17.11"],
                                        lines: [F.line("20610", ["RT", "XS", "22", "76"], charge: "180.00")])
        let replaced = try F.claim(in: store, patient: people.child, diagnoses: ["J06.9"], lines: [F.line("99212")])
        let voided = try F.claim(in: store, patient: people.subscriber, lines: [F.line("99214")])
        for claim in [replaced, voided] {
            _ = try store.submitClaim(claim.id)
            _ = try store.setClaimField(claim.id, field: .payerClaimNumber, value: "PCN\(claim.claimNumber)")
        }
        let replacement = try store.replaceClaim(replaced.id)
        _ = try store.setLine(claim: replacement.id, lineNumber: 1, LineInput(charge: "120.00"))
        let void = try store.voidClaim(voided.id)

        let keys = [simple.id, dependent.claimNumber, manyDiagnoses.id, fiftyLines.id, fourModifiers.id,
                    replacement.id, void.id]
        let export = try store.exportX12(keys)
        #expect(export.claims.map(\.id) == [simple.id, dependent.id, manyDiagnoses.id, fiftyLines.id, fourModifiers.id,
                                             replacement.id, void.id])
        try X12Validator.expectAccepted(export.text, name: "every-kind")

        let text = export.text
        #expect(X12Validation.segments("CLM", in: text).count == 7)
        #expect(X12Validation.segments("PAT", in: text).map { $0[1] } == ["19"])
        #expect(X12Validation.segments("HI", in: text).contains { $0.count == 13 })
        #expect(X12Validation.segments("LX", in: text).count == 2 + 2 + 3 + 50 + 1 + 1 + 1)
        #expect(X12Validation.segments("SV1", in: text).contains { $0[1] == "HC:20610:RT:XS:22:76" })
        // The writer groups claims by billing provider and subscriber, so compare without order.
        #expect(Set(X12Validation.segments("REF", in: text).filter { $0[1] == "F8" }.map { $0[2] })
                == ["PCN\(replaced.claimNumber)", "PCN\(voided.claimNumber)"])
        let frequencies = Dictionary(X12Validation.segments("CLM", in: text).map { ($0[1], String($0[5].suffix(1))) },
                                     uniquingKeysWith: { first, _ in first })
        #expect(frequencies[replaced.claimNumber] == "7" && frequencies[voided.claimNumber] == "8")
        #expect(frequencies.values.filter { $0 == "1" }.count == 5)
        #expect(X12Validation.segment("ISA", in: text)?[15] == "T")
        #expect(X12Validation.segment("ISA", in: text)?[6].trimmingCharacters(in: .whitespaces) == "SFP01")
    }

    @Test func controlNumbersIncreaseAndNeverRepeatAcrossRuns() throws {
        let (first, folder) = try TestStores.file()
        defer { try? FileManager.default.removeItem(at: folder) }
        try F.prepare(first)
        _ = try first.updateExportSettings(Self.settings)
        let people = try F.people(in: first)
        let claims = try (0..<3).map { _ in try F.claim(in: first, patient: people.subscriber, lines: [F.line("99213")]) }

        func numbers(_ text: String) -> [Int] {
            [X12Validation.segment("ISA", in: text)?[13], X12Validation.segment("GS", in: text)?[6],
             X12Validation.segment("ST", in: text)?[2]].map { Int($0 ?? "") ?? -1 }
        }
        let one = try first.exportX12([claims[0].id])
        let two = try first.exportX12([claims[0].id, claims[1].id])
        let reopened = try LocalStore.open(at: first.path, clock: ManualClock(millis: TestStores.epochMillis + 60_000))
        let three = try reopened.exportX12([claims[2].id])

        #expect([one, two, three].map { numbers($0.text) } == [[1, 1, 1], [2, 2, 2], [3, 3, 3]])
        #expect(three.controlNumbers == ControlNumbers(interchange: 3, group: 3, transactionSet: 3))
        #expect(try reopened.lastControlNumbers().interchange == 3)
        #expect(X12Validation.segment("IEA", in: three.text)?[2] == "000000003")
    }

    @Test func aClaimWithScrubberErrorsIsRefusedByNameAndUsesNoNumber() throws {
        let (store, people) = try Self.store()
        let clean = try F.claim(in: store, patient: people.subscriber, lines: [F.line("99213")])
        let broken = try F.claim(in: store, patient: people.child, diagnoses: ["E11"], lines: [F.line("99213")])
        _ = try store.exportX12([clean.id])
        let changes = try F.changeCount(store)

        let refusal = try #require(throws: ClaimRefusal.self) { try store.exportX12([clean.id, broken.id]) }
        #expect(refusal.claims.map(\.claim.id) == [broken.id])
        #expect(refusal.description.contains(broken.claimNumber) && !refusal.description.contains(clean.claimNumber))
        #expect(try store.lastControlNumbers().interchange == 1)
        #expect(try F.changeCount(store) == changes)
        #expect(try store.exportX12([clean.id]).controlNumbers.interchange == 2)
    }

    @Test func exportNeedsAPhoneAndAppliesDefaultsFromTheBillingProviderAndPayer() throws {
        let store = try F.store()
        let people = try F.people(in: store)
        let claim = try F.claim(in: store, patient: people.subscriber, lines: [F.line("99213")])

        let missing = try #require(throws: StoreError.self) { try store.exportX12([claim.id]) }
        #expect(missing.description.contains("submitter_phone"))
        #expect(try store.lastControlNumbers().interchange == 0)
        #expect(throws: StoreError.self) { try store.updateExportSettings(ExportSettings(submitterPhone: "555-0100")) }
        #expect(throws: StoreError.self) { try store.updateExportSettings(ExportSettings(submitterPhone: "2175550100",
                                                                                          receiverID: "BAD*ID")) }
        #expect(try store.exportSettings() == ExportSettings(), "a refused change saves nothing")

        _ = try store.updateExportSettings(ExportSettings(submitterPhone: "217.555.0100"))
        let export = try store.exportX12([claim.id])
        try X12Validator.expectAccepted(export.text, name: "defaults")
        #expect(X12Validation.segment("ISA", in: export.text)?[6].trimmingCharacters(in: .whitespaces) == F.billingNPI)
        #expect(X12Validation.segment("ISA", in: export.text)?[8].trimmingCharacters(in: .whitespaces) == "60054")
        #expect(X12Validation.segment("ISA", in: export.text)?[15] == "P")
        #expect(X12Validation.segment("PER", in: export.text)?[4] == "2175550100")

        let cleared = try store.updateExportSettings(ExportSettings(submitterPhone: ""))
        #expect(cleared.submitterPhone == nil)
    }

    @Test func anUnregisteredBillingProviderIsNamedWithoutPatientData() throws {
        let (store, people) = try Self.store()
        let claim = try F.claim(in: store, patient: people.subscriber, lines: [F.line("99213")], billingNPI: "1555555550")
        let error = try #require(throws: StoreError.self) { try store.exportX12([claim.id]) }
        #expect(error.description.contains("1555555550") && error.description.contains(claim.claimNumber))
        #expect(!error.description.contains("Garcia"))
    }
}
