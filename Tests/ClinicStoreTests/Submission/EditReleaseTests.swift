import BillingModel
import ClinicStore
import Testing

/// NCCI procedure-to-procedure and MUE findings from releases imported into the store.
@Suite struct EditReleaseTests {
    /// One case: the lines (code, modifiers, units, date) and the lines an edit must flag.
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var lines: [(code: String, modifiers: [String], units: Int, date: String)]
        var flagged: [Int]
        var testDescription: String { label }
    }

    static func store() throws -> (LocalStore, SubmissionFixtures.People) {
        let store = try SubmissionFixtures.store()
        try SubmissionFixtures.importRelease(store, .ncciPTP, name: "NCCI-2024Q4", effective: "2024-10-01",
                                             text: EditFiles.ncci(EditFiles.ncciRows))
        try SubmissionFixtures.importRelease(store, .mue, name: "MUE-2024Q4", effective: "2024-10-01",
                                             text: EditFiles.mue(EditFiles.mueRows))
        return (store, try SubmissionFixtures.people(in: store))
    }

    static func findings(_ testCase: Case, rule: ScrubRule) throws -> (flagged: [Int], submitted: Bool) {
        let (store, people) = try store()
        let claim = try SubmissionFixtures.claim(in: store, patient: people.subscriber, lines: testCase.lines.map {
            SubmissionFixtures.line($0.code, $0.modifiers, units: $0.units, date: $0.date)
        })
        let findings = try store.checkClaim(claim.id).findings.filter { $0.rule == rule }
        #expect(findings.allSatisfy { $0.severity == .error })
        // Submission either goes through or is refused by the scrubber for this very rule;
        // any other error fails the test.
        var submitted = false
        do {
            _ = try store.submitClaim(claim.id)
            submitted = true
        } catch let refusal as ClaimRefusal {
            #expect(refusal.action == .submit)
            let rules = refusal.claims.flatMap(\.findings).filter { $0.severity == .error }.map(\.rule)
            #expect(rules.contains(rule), "refused for \(rules), not for \(rule)")
        }
        return (findings.compactMap(\.lineNumber), submitted)
    }

    static let ncciCases: [Case] = [
        Case(label: "indicator 0 blocks the column-2 line",
             lines: [("99213", [], 1, "2025-01-10"), ("36415", [], 1, "2025-01-10")], flagged: [2]),
        Case(label: "indicator 0 is not bypassed by a modifier",
             lines: [("99213", [], 1, "2025-01-10"), ("36415", ["59"], 1, "2025-01-10")], flagged: [2]),
        Case(label: "the column-2 code may come first",
             lines: [("36415", [], 1, "2025-01-10"), ("99213", [], 1, "2025-01-10")], flagged: [1]),
        Case(label: "different dates are not bundled",
             lines: [("99213", [], 1, "2025-01-10"), ("36415", [], 1, "2025-01-11")], flagged: []),
        Case(label: "indicator 1 needs a modifier on the column-2 line",
             lines: [("20610", [], 1, "2025-01-10"), ("96372", [], 1, "2025-01-10")], flagged: [2]),
        Case(label: "indicator 1 with the modifier on column 1 only",
             lines: [("20610", ["59"], 1, "2025-01-10"), ("96372", [], 1, "2025-01-10")], flagged: [2]),
        Case(label: "indicator 1 with XS on the column-2 line",
             lines: [("20610", [], 1, "2025-01-10"), ("96372", ["XS"], 1, "2025-01-10")], flagged: []),
        Case(label: "indicator 9 is ignored",
             lines: [("17110", [], 1, "2025-01-10"), ("11102", [], 1, "2025-01-10")], flagged: []),
        Case(label: "an edit deleted before the date of service",
             lines: [("93000", [], 1, "2025-01-10"), ("71046", [], 1, "2025-01-10")], flagged: []),
        Case(label: "the same edit while it was in force",
             lines: [("93000", [], 1, "2024-12-31"), ("71046", [], 1, "2024-12-31")], flagged: [2]),
    ]

    @Test(arguments: ncciCases)
    func ncciProcedureToProcedureEdits(_ testCase: Case) throws {
        let result = try Self.findings(testCase, rule: .ncciProcedureToProcedure)
        #expect(result.flagged == testCase.flagged)
        #expect(result.submitted == testCase.flagged.isEmpty)
    }

    static let mueCases: [Case] = [
        Case(label: "line edit: too many units on one line",
             lines: [("36415", [], 3, "2025-01-10")], flagged: [1]),
        Case(label: "line edit: each line within the limit",
             lines: [("36415", [], 2, "2025-01-10"), ("36415", [], 2, "2025-01-10")], flagged: []),
        Case(label: "date-of-service edit: lines summed on one date",
             lines: [("97110", [], 3, "2025-01-10"), ("97110", [], 2, "2025-01-10")], flagged: [1]),
        Case(label: "date-of-service edit: different dates",
             lines: [("97110", [], 3, "2025-01-10"), ("97110", [], 3, "2025-01-11")], flagged: []),
        Case(label: "date-of-service edit at the limit",
             lines: [("97110", [], 4, "2025-01-10")], flagged: []),
        Case(label: "policy date-of-service edit",
             lines: [("11102", [], 1, "2025-01-10"), ("11102", [], 1, "2025-01-10")], flagged: [1]),
    ]

    @Test(arguments: mueCases)
    func medicallyUnlikelyEdits(_ testCase: Case) throws {
        let result = try Self.findings(testCase, rule: .medicallyUnlikelyEdit)
        #expect(result.flagged == testCase.flagged)
        #expect(result.submitted == testCase.flagged.isEmpty)
    }

    @Test func editsAreNotAppliedBeforeTheirReleaseStarts() throws {
        let (store, people) = try Self.store()
        let claim = try SubmissionFixtures.claim(in: store, patient: people.subscriber, lines: [
            SubmissionFixtures.line("99213", date: "2024-09-30"), SubmissionFixtures.line("36415", units: 5, date: "2024-09-30"),
        ])
        let findings = try store.checkClaim(claim.id).findings
        #expect(!findings.contains { $0.rule == .ncciProcedureToProcedure || $0.rule == .medicallyUnlikelyEdit })
        #expect(findings.filter { $0.rule == .noRelease }.count == 3, "ICD-10-CM, NCCI and MUE: \(findings)")
    }
}
