import Testing
@testable import BillingModel

@Suite struct InMemoryCodeReferenceTests {
    static let yearly = InMemoryCodeReference.Release(
        system: .cpt, effectiveFrom: F.date("2025-01-01"), effectiveTo: F.date("2025-12-31"),
        entries: F.entries(["99213", "99214"]))
    static let midYear = InMemoryCodeReference.Release(
        system: .cpt, effectiveFrom: F.date("2025-07-01"), entries: F.entries(["99213", "99215"]))

    @Test(arguments: [
        ("2024-12-31", [String]()),
        ("2025-01-01", ["99213", "99214"]),
        ("2025-06-30", ["99213", "99214"]),
        ("2025-07-01", ["99213", "99215"]),
        ("2025-12-31", ["99213", "99215"]),
        ("2026-01-01", ["99213", "99215"]),
    ])
    func theLatestStartedReleaseCoveringTheDateAnswers(_ day: String, _ known: [String]) {
        let reference = InMemoryCodeReference(releases: [Self.yearly, Self.midYear])
        let date = F.date(day)
        #expect(reference.hasRelease(of: .cpt, on: date) == !known.isEmpty)
        #expect(["99213", "99214", "99215"].filter { reference.contains($0, in: .cpt, on: date) } == known)
        #expect(!reference.hasRelease(of: .hcpcs, on: date))
    }

    @Test func ncciEditsFollowTheirOwnDatesInsideTheRelease() {
        let date = F.date
        let edits = [
            NCCIEdit(column1: "97110", column2: "97530", effective: date("2020-01-01"), deletion: date("2025-01-01"),
                     modifierIndicator: .allowed, rationale: "Old"),
            NCCIEdit(column1: "97110", column2: "97530", effective: date("2025-04-01"), modifierIndicator: .notAllowed,
                     rationale: "New"),
        ]
        let reference = InMemoryCodeReference(releases: [.init(effectiveFrom: date("2024-10-01"), ncciEdits: edits)])
        #expect(reference.ncciEdit(column1: "97110", column2: "97530", on: date("2024-12-31"))?.rationale == "Old")
        #expect(reference.ncciEdit(column1: "97110", column2: "97530", on: date("2025-02-01")) == nil)
        #expect(reference.ncciEdit(column1: "97110", column2: "97530", on: date("2025-04-01"))?.rationale == "New")
        #expect(reference.ncciEdit(column1: "97530", column2: "97110", on: date("2025-04-01")) == nil)
        #expect(reference.ncciEdit(column1: "97110", column2: "97530", on: date("2024-09-30")) == nil)
    }

    @Test func diagnosisLookupKeepsHeaders() {
        #expect(F.reference.diagnosis("E11", on: F.serviceDate)?.billable == false)
        #expect(F.reference.diagnosis("E119", on: F.serviceDate)?.billable == true)
        #expect(F.reference.mueLimit(for: "97110", on: F.serviceDate)?.indicator == .dateOfServiceClinical)
    }
}
