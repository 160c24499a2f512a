import Testing
@testable import BillingModel

/// One rule, one way to break the clean claim and one way to keep it clean near the edge.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let rule: ScrubRule
    /// The line numbers (nil: claim level) of the findings the failing claim gets for `rule`.
    let lines: [Int?]
    let failing: @Sendable (inout Claim) -> Void
    let passing: @Sendable (inout Claim) -> Void

    init(_ name: String, _ rule: ScrubRule, lines: [Int?], failing: @escaping @Sendable (inout Claim) -> Void,
         passing: @escaping @Sendable (inout Claim) -> Void) {
        self.name = name
        self.rule = rule
        self.lines = lines
        self.failing = failing
        self.passing = passing
    }

    var testDescription: String { "\(rule.rawValue): \(name)" }
}

typealias F = ScrubberFixtures

@Suite struct ClaimScrubberRuleTests {
    static let cases: [RuleCase] = [
        RuleCase("no diagnosis", .diagnosisCount, lines: [nil],
                 failing: { $0.diagnoses = [] },
                 passing: { $0.diagnoses = Array(F.billableDiagnoses.prefix(12)) }),
        RuleCase("thirteen diagnoses", .diagnosisCount, lines: [nil],
                 failing: { $0.diagnoses = F.billableDiagnoses },
                 passing: { $0.diagnoses = ["E119"]; $0.lines[0].diagnosisPointers = [1] }),
        RuleCase("same code twice", .diagnosisDuplicate, lines: [nil],
                 failing: { $0.diagnoses = ["E119", "I10", "E119"] },
                 passing: { $0.diagnoses = ["E119", "I10", "E1165"] }),
        RuleCase("code not in the release", .diagnosisUnknown, lines: [nil],
                 failing: { $0.diagnoses = ["E119", "E1199"] },
                 passing: { $0.diagnoses = ["E119", "J45909"] }),
        RuleCase("not an ICD-10-CM shape", .diagnosisUnknown, lines: [nil],
                 failing: { $0.diagnoses = ["E119", "1E11"] },
                 passing: { $0.diagnoses = ["E119", "Z0000"] }),
        RuleCase("code an earlier release deleted", .diagnosisDeleted, lines: [nil],
                 failing: { $0.diagnoses = ["E119", F.deletedDiagnosis] },
                 passing: { $0.diagnoses = ["E119", "E1165"] }),
        RuleCase("lines under two ICD-10-CM releases", .diagnosisReleaseSplit, lines: [nil],
                 failing: { $0.add(F.line(3, "93000", on: F.date("2024-09-30"))) },
                 passing: { $0.add(F.line(3, "93000", on: F.date("2024-10-01"))) }),
        RuleCase("category header", .diagnosisNotBillable, lines: [nil],
                 failing: { $0.diagnoses = ["E11", "I10"] },
                 passing: { $0.diagnoses = ["E1165", "I10"] }),
        RuleCase("no lines", .lineCount, lines: [nil],
                 failing: { $0.lines = []; $0.recomputeTotal() },
                 passing: { $0.lines = [F.line(1, "99214")]; $0.recomputeTotal() }),
        RuleCase("51 lines", .lineCount, lines: [nil],
                 failing: { claim in claim.lines = (1...51).map { F.line($0, "99214") }; claim.recomputeTotal() },
                 passing: { claim in claim.lines = (1...50).map { F.line($0, "99214") }; claim.recomputeTotal() }),
        RuleCase("no pointer", .pointerCount, lines: [2],
                 failing: { $0.lines[1].diagnosisPointers = [] },
                 passing: { $0.lines[1].diagnosisPointers = [2] }),
        RuleCase("five pointers", .pointerCount, lines: [1],
                 failing: { $0.diagnoses = ["E119", "I10", "R69", "U071", "A000"]; $0.lines[0].diagnosisPointers = [1, 2, 3, 4, 5] },
                 passing: { $0.diagnoses = ["E119", "I10", "R69", "U071", "A000"]; $0.lines[0].diagnosisPointers = [5, 4, 3, 2] }),
        RuleCase("same pointer twice", .pointerDuplicate, lines: [1],
                 failing: { $0.lines[0].diagnosisPointers = [1, 1] },
                 passing: { $0.lines[0].diagnosisPointers = [2, 1] }),
        RuleCase("pointer past the list", .pointerUnknownDiagnosis, lines: [2],
                 failing: { $0.lines[1].diagnosisPointers = [3] },
                 passing: { $0.lines[1].diagnosisPointers = [2] }),
        RuleCase("pointer zero", .pointerUnknownDiagnosis, lines: [1],
                 failing: { $0.lines[0].diagnosisPointers = [0, 1] },
                 passing: { $0.lines[0].diagnosisPointers = [1] }),
        RuleCase("five modifiers", .modifierCount, lines: [2],
                 failing: { $0.lines[1].modifiers = ["59", "76", "77", "GA", "LT"] },
                 passing: { $0.lines[1].modifiers = ["59", "76", "77", "GA"] }),
        RuleCase("modifier twice", .modifierDuplicate, lines: [2],
                 failing: { $0.lines[1].modifiers = ["76", "76"] },
                 passing: { $0.lines[1].modifiers = ["76", "77"] }),
        RuleCase("modifier not in the list", .modifierUnknown, lines: [2],
                 failing: { $0.lines[1].modifiers = ["ZZ"] },
                 passing: { $0.lines[1].modifiers = ["GA"] }),
        RuleCase("modifier of one character", .modifierUnknown, lines: [2],
                 failing: { $0.lines[1].modifiers = ["5"] },
                 passing: { $0.lines[1].modifiers = ["59"] }),
        RuleCase("left and right", .modifierConflict, lines: [2],
                 failing: { $0.lines[1].modifiers = ["LT", "RT"] },
                 passing: { $0.lines[1].modifiers = ["RT"] }),
        RuleCase("professional and technical", .modifierConflict, lines: [2],
                 failing: { $0.lines[1].modifiers = ["26", "TC"] },
                 passing: { $0.lines[1].modifiers = ["26"] }),
        RuleCase("59 with an X modifier", .modifierConflict, lines: [2, 2],
                 failing: { $0.lines[1].modifiers = ["59", "XS", "XU"] },
                 passing: { $0.lines[1].modifiers = ["XS", "XU"] }),
        RuleCase("25 on a blood draw", .modifier25NotEvaluationAndManagement, lines: [2],
                 failing: { $0.lines[1].modifiers = ["25"] },
                 passing: { $0.lines[0].modifiers = ["25"] }),
        RuleCase("procedure not in the CPT release", .procedureUnknown, lines: [1],
                 failing: { $0.lines[0].procedureCode = "99999" },
                 passing: { $0.lines[0].procedureCode = "99214" }),
        RuleCase("procedure not in the HCPCS release", .procedureUnknown, lines: [2],
                 failing: { $0.lines[1].procedureCode = "G9999" },
                 passing: { $0.lines[1].procedureCode = "G0439" }),
        RuleCase("procedure of no known shape", .procedureUnknown, lines: [1],
                 failing: { $0.lines[0].procedureCode = "9921" },
                 passing: { $0.lines[0].procedureCode = "99203" }),
        RuleCase("zero units", .units, lines: [1],
                 failing: { $0.lines[0].units = 0 },
                 passing: { $0.lines[0].units = 2 }),
        RuleCase("negative units", .units, lines: [1],
                 failing: { $0.lines[0].units = -1 },
                 passing: { $0.lines[0].units = 1 }),
        RuleCase("zero charge", .charge, lines: [1],
                 failing: { $0.lines[0].chargeCents = 0; $0.recomputeTotal() },
                 passing: { $0.add(F.line(3, "0503F", cents: 0)) }),
        RuleCase("negative charge on Category II", .charge, lines: [3],
                 failing: { $0.add(F.line(3, "0503F", cents: -100)) },
                 passing: { $0.add(F.line(3, "0503F", cents: 100)) }),
        RuleCase("stored total off by a cent", .totalMismatch, lines: [nil],
                 failing: { $0.totalChargeCents += 1 },
                 passing: { $0.lines[0].chargeCents += 1; $0.recomputeTotal() }),
        RuleCase("claim POS not in the list", .placeOfServiceUnknown, lines: [nil],
                 failing: { $0.placeOfService = "99" },
                 passing: { $0.placeOfService = "22" }),
        RuleCase("claim POS of no known shape", .placeOfServiceUnknown, lines: [nil],
                 failing: { $0.placeOfService = "1A" },
                 passing: { $0.placeOfService = "11" }),
        RuleCase("line POS override not in the list", .placeOfServiceUnknown, lines: [2],
                 failing: { $0.lines[1].placeOfService = "98" },
                 passing: { $0.lines[1].placeOfService = "22" }),
        RuleCase("telehealth POS without a modifier", .telehealth, lines: [1, 2],
                 failing: { $0.placeOfService = "10" },
                 passing: { $0.placeOfService = "10"; $0.lines[0].modifiers = ["95"]; $0.lines[1].modifiers = ["93"] }),
        RuleCase("telehealth modifier at the office", .telehealth, lines: [1],
                 failing: { $0.lines[0].modifiers = ["95"] },
                 passing: { $0.lines[0].modifiers = ["GT"]; $0.lines[0].placeOfService = "02" }),
        RuleCase("billing NPI with a wrong check digit", .npiInvalid, lines: [nil],
                 failing: { $0.billingNPI = "1234567890" },
                 passing: { $0.billingNPI = "1821993510" }),
        RuleCase("rendering NPI of nine digits", .npiInvalid, lines: [nil],
                 failing: { $0.renderingNPI = "123456789" },
                 passing: { $0.renderingNPI = nil }),
        RuleCase("last date before the first", .dateOfServiceInvalid, lines: [1],
                 failing: { $0.lines[0].serviceDateTo = F.date("2025-03-03") },
                 passing: { $0.lines[0].serviceDateTo = F.date("2025-03-05") }),
        RuleCase("tomorrow", .dateOfServiceFuture, lines: [2],
                 failing: { $0.lines[1].serviceDate = F.today.adding(days: 1) },
                 passing: { $0.lines[1].serviceDate = F.today }),
        RuleCase("range ending tomorrow", .dateOfServiceFuture, lines: [1],
                 failing: { $0.lines[0].serviceDateTo = F.today.adding(days: 1) },
                 passing: { $0.lines[0].serviceDateTo = F.today }),
        RuleCase("replacement without the payer's number", .frequencyNeedsPayerClaimNumber, lines: [nil],
                 failing: { $0.frequency = .replacement },
                 passing: { $0.frequency = .replacement; $0.payerClaimNumber = "PCN-2025-0042" }),
        RuleCase("void with a blank number", .frequencyNeedsPayerClaimNumber, lines: [nil],
                 failing: { $0.frequency = .void; $0.payerClaimNumber = "  " },
                 passing: { $0.frequency = .void; $0.payerClaimNumber = "PCN-2025-0042" }),
        RuleCase("NCCI indicator 0 on the same date", .ncciProcedureToProcedure, lines: [3],
                 failing: { $0.lines[0].modifiers = ["25"]; $0.add(F.line(3, "20605", modifiers: ["59"])); $0.add(F.line(4, "20610")) },
                 passing: { $0.lines[0].modifiers = ["25"]; $0.add(F.line(3, "20605", on: F.date("2025-03-03"))); $0.add(F.line(4, "20610")) }),
        RuleCase("NCCI indicator 1 without a modifier", .ncciProcedureToProcedure, lines: [1],
                 failing: { $0.add(F.line(3, "20610")) },
                 passing: { $0.lines[0].modifiers = ["25"]; $0.add(F.line(3, "20610")) }),
        RuleCase("NCCI edit in force before its deletion date", .ncciProcedureToProcedure, lines: [2],
                 failing: { $0.lines = [F.line(1, "97110", on: F.date("2024-12-31")), F.line(2, "97530", on: F.date("2024-12-31"))]
                            $0.recomputeTotal() },
                 passing: { $0.lines = [F.line(1, "97110", on: F.date("2025-01-01")), F.line(2, "97530", on: F.date("2025-01-01"))]
                            $0.recomputeTotal() }),
        RuleCase("procedure code an earlier release deleted", .procedureDeleted, lines: [3],
                 failing: { $0.add(F.line(3, F.deletedProcedure)) },
                 passing: { $0.add(F.line(3, F.deletedProcedure, on: F.date("2024-12-31"))) }),
        RuleCase("MUE line edit", .medicallyUnlikelyEdit, lines: [3],
                 failing: { $0.lines[0].modifiers = ["25"]; $0.add(F.line(3, "20610", units: 3)) },
                 passing: { $0.lines[0].modifiers = ["25"]; $0.add(F.line(3, "20610", units: 2)); $0.add(F.line(4, "20610", units: 2)) }),
        RuleCase("MUE date-of-service edit, clinical", .medicallyUnlikelyEdit, lines: [3],
                 failing: { $0.add(F.line(3, "97110", units: 3)); $0.add(F.line(4, "97110", units: 2)) },
                 passing: { $0.add(F.line(3, "97110", units: 3)); $0.add(F.line(4, "97110", units: 2, on: F.date("2025-03-05"))) }),
        RuleCase("MUE date-of-service edit, policy", .medicallyUnlikelyEdit, lines: [3],
                 failing: { $0.add(F.line(3, "11102", units: 2)) },
                 passing: { $0.add(F.line(3, "11102", units: 1)) }),
    ]

    @Test func theCleanClaimHasNoFindings() {
        #expect(F.scrubber.check(F.cleanClaim) == [])
    }

    @Test(arguments: cases)
    func ruleFiresOnTheFailingClaimOnly(_ ruleCase: RuleCase) {
        var failing = F.cleanClaim
        ruleCase.failing(&failing)
        let findings = F.scrubber.check(failing).filter { $0.rule == ruleCase.rule }
        #expect(findings.map(\.lineNumber) == ruleCase.lines)
        #expect(findings.allSatisfy { $0.severity == ruleCase.rule.severity && !$0.message.isEmpty })

        var passing = F.cleanClaim
        ruleCase.passing(&passing)
        #expect(F.scrubber.check(passing) == [])
    }

    @Test func everyRuleHasACase() {
        let covered = Set(Self.cases.map(\.rule))
        #expect(Set(ScrubRule.allCases).subtracting(covered) == [.noRelease])
    }
}
