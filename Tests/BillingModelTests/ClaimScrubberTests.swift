import Foundation
import Testing
@testable import BillingModel

@Suite struct ClaimScrubberTests {
    /// The E/M line (99213) next to a joint injection (20610): an NCCI edit with each
    /// indicator, and the modifiers on each line.
    @Test(arguments: [
        (NCCIEdit.ModifierIndicator.notAllowed, [String](), [String](), true),
        (.notAllowed, ["25"], [], true),
        (.allowed, [], [], true),
        (.allowed, [], ["59"], true),
        (.allowed, ["25"], [], false),
        (.allowed, ["XU"], [], false),
        (.notApplicable, [], [], false),
    ])
    func ncciIndicatorDecidesWhetherAModifierHelps(_ indicator: NCCIEdit.ModifierIndicator, _ emModifiers: [String],
                                                   _ injectionModifiers: [String], _ blocked: Bool) {
        let edit = NCCIEdit(column1: "20610", column2: "99213", effective: F.date("2013-01-01"),
                            modifierIndicator: indicator, rationale: "Standards of medical / surgical services")
        var releases = F.releases(leavingOut: [.ncciPTP])
        releases.append(.init(effectiveFrom: F.fy2025Start, ncciEdits: [edit]))
        let scrubber = ClaimScrubber(reference: InMemoryCodeReference(releases: releases), today: F.today)
        var claim = F.cleanClaim
        claim.lines[0].modifiers = emModifiers
        claim.add(F.line(3, "20610", modifiers: injectionModifiers))
        let findings = scrubber.check(claim)
        #expect(findings.map(\.ruleID) == (blocked ? ["NCCI_PTP"] : []))
        #expect(findings.allSatisfy { $0.lineNumber == 1 && $0.message.contains("20610 (line 3)") })
    }

    @Test func diagnosesAreCheckedAgainstTheReleaseInForceOnEachDate() {
        // FY2026 drops R69 and adds R6900; a claim with a line on each side of October 1.
        var releases = F.releases(leavingOut: [.icd10cm])
        releases.append(.init(system: .icd10cm, name: "ICD10CM-FY2025", effectiveFrom: F.fy2025Start, effectiveTo: F.fy2025End,
                              entries: F.entries(["E119", "R69"])))
        releases.append(.init(system: .icd10cm, name: "ICD10CM-FY2026", effectiveFrom: F.date("2025-10-01"),
                              effectiveTo: F.date("2026-09-30"), entries: F.entries(["E119", "R6900"])))
        let scrubber = ClaimScrubber(reference: InMemoryCodeReference(releases: releases), today: F.date("2025-10-15"))
        var claim = F.cleanClaim
        claim.diagnoses = ["E119", "R69"]
        #expect(scrubber.check(claim) == [])
        claim.lines[1].serviceDate = F.date("2025-10-02")
        let findings = scrubber.check(claim)
        #expect(findings.map(\.ruleID) == ["DX_DELETED", "DX_RELEASE_SPLIT"])
        #expect(findings.first?.message == "Diagnosis 2 (R69) was deleted on 2025-10-01 with release ICD10CM-FY2026; "
            + "it cannot be billed for services on 2025-10-02: choose a current code.")
        #expect(findings.last?.message == "The lines fall under 2 ICD-10-CM releases (line 1 under ICD10CM-FY2025 "
            + "(2024-10-01 to 2025-09-30); line 2 under ICD10CM-FY2026 (2025-10-01 to 2026-09-30)); split the claim into "
            + "one claim per release, each coded against its own release.")
        #expect(findings.last?.severity == .warning)
    }

    @Test func aHeaderCodeIsCalledNotBillable() {
        var claim = F.cleanClaim
        claim.diagnoses = ["E11", "I10"]
        let finding = F.scrubber.check(claim).first
        #expect(finding?.rule == .diagnosisNotBillable)
        #expect(finding?.message.contains("Diagnosis 1 (E11) is a category header, not a billable code") == true)
    }

    @Test func aMissingReleaseIsReportedOncePerSystemAsAWarning() {
        let scrubber = ClaimScrubber(reference: InMemoryCodeReference(releases: F.releases(leavingOut: [.cpt, .mue])),
                                     today: F.today)
        var claim = F.cleanClaim
        claim.add(F.line(3, "99999", on: F.date("2025-03-03")))
        claim.add(F.line(4, "97110", units: 9))
        let findings = scrubber.check(claim)
        #expect(findings.map(\.ruleID) == ["NO_RELEASE", "NO_RELEASE"])
        #expect(!findings.hasErrors)
        #expect(findings[0].message == "No CPT release is in force on 2025-03-03, 2025-03-04; "
            + "CPT codes were only checked for format.")
        #expect(findings[1].message.hasPrefix("No MUE release is in force on"))
        #expect(findings.allSatisfy { $0.lineNumber == nil && $0.severity == .warning })
    }

    @Test func aMissingReleaseNamesAFewDatesOnly() {
        let scrubber = ClaimScrubber(reference: InMemoryCodeReference(releases: F.releases(leavingOut: [.hcpcs])),
                                     today: F.today)
        var claim = F.cleanClaim
        for day in 1...5 { claim.add(F.line(2 + day, "G0439", on: F.date("2025-03-0\(day)"))) }
        #expect(scrubber.check(claim).map(\.message) == [
            "No HCPCS release is in force on 2025-03-01, 2025-03-02, 2025-03-03 and 2 other dates; "
                + "HCPCS Level II codes were only checked for format.",
        ])
    }

    @Test func findingsAreSortedByLineThenSeverity() {
        var claim = F.cleanClaim
        claim.lines[1].modifiers = ["95", "ZZ"]   // line 2: a warning, then an error
        claim.lines[0].units = 0                  // line 1: an error
        claim.billingNPI = "123"                   // claim level
        let findings = F.scrubber.check(claim)
        #expect(findings.map(\.ruleID) == ["NPI_INVALID", "UNITS", "MOD_UNKNOWN", "TELEHEALTH"])
        #expect(findings.map(\.lineNumber) == [nil, 1, 2, 2])
        #expect(findings.hasErrors)
        #expect(findings[2].description == "line 2: error MOD_UNKNOWN: Modifier ZZ is not in the modifier list in force on 2025-03-04.")
    }

    @Test func warningsAloneDoNotBlockSubmission() {
        var claim = F.cleanClaim
        claim.placeOfService = "02"
        let findings = F.scrubber.check(claim)
        #expect(findings.map(\.rule) == [.telehealth, .telehealth])
        #expect(!findings.hasErrors)
    }

    @Test func findingsEncodeWithStableKeys() throws {
        let finding = ScrubFinding(rule: .units, lineNumber: 3, message: "Units must be at least 1 (the line has 0).")
        let json = String(decoding: try JSONEncoder().encode(finding), as: UTF8.self)
        #expect(json.contains("\"rule_id\":\"UNITS\""))
        #expect(json.contains("\"severity\":\"error\""))
        #expect(json.contains("\"line_number\":3"))
        #expect(try JSONDecoder().decode(ScrubFinding.self, from: Data(json.utf8)) == finding)
    }

    @Test func ruleIDsAreUniqueAndUpperSnakeCase() {
        let ids = ScrubRule.allCases.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" } })
    }
}
