import Testing
@testable import BillingModel

/// DESIGN §13 as pure functions: release calendars, where a release goes in its system's
/// timeline, what a release does to an open claim, and when a code was deleted.
@Suite struct CodeUpdateTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
    static let today = date("2026-12-02")

    @Test(arguments: [
        (CodeSystem.icd10cm, "ICD10CM-FY2026", nil as Int?, "2025-10-01"),
        (.icd10cm, "FY2025", nil, "2024-10-01"),
        (.icd10cm, "ICD10CM-NEXT", 2027, "2026-10-01"),
        (.icd10cm, "ICD10CM-FY2026", 2027, "2026-10-01"),
        (.cpt, "CPT-2026", nil, "2026-01-01"),
        (.cpt, "cpt2025", nil, "2025-01-01"),
        (.cpt, "LICENSED", 2026, "2026-01-01"),
        (.modifier, "MODIFIER-2026", nil, "2026-12-02"),
        (.pos, "POS", nil, "2026-12-02"),
    ])
    func aReleaseWithoutEffectiveTakesItsCalendar(_ system: CodeSystem, _ name: String, _ year: Int?, _ expected: String) throws {
        #expect(try CodeSetCalendar.effectiveDate(system: system, releaseName: name, year: year, today: Self.today)
                == Self.date(expected))
    }

    @Test(arguments: [
        (CodeSystem.hcpcs, "HCPCS-2026Q1", nil as Int?, ReleaseDateError.quarterly(system: .hcpcs, release: "HCPCS-2026Q1")),
        (.ncciPTP, "NCCI-2026Q1", 2026, .quarterly(system: .ncciPTP, release: "NCCI-2026Q1")),
        (.mue, "MUE", nil, .quarterly(system: .mue, release: "MUE")),
        (.cpt, "CPT-LICENSED", nil, .unknownYear(system: .cpt, release: "CPT-LICENSED")),
        (.icd10cm, "ICD10CM-2025-2026", nil, .unknownYear(system: .icd10cm, release: "ICD10CM-2025-2026")),
        (.icd10cm, "ICD10CM-FY20266", nil, .unknownYear(system: .icd10cm, release: "ICD10CM-FY20266")),
    ])
    func aReleaseWhoseDateCannotBeKnownIsRefused(_ system: CodeSystem, _ name: String, _ year: Int?, _ error: ReleaseDateError) {
        #expect(throws: error) {
            try CodeSetCalendar.effectiveDate(system: system, releaseName: name, year: year, today: Self.today)
        }
        #expect(!error.description.contains("\n") && error.description.contains(name))
    }

    static func period(_ name: String, _ from: String, _ to: String? = nil) -> ReleasePeriod {
        ReleasePeriod(id: name, name: name, effectiveFrom: date(from), effectiveTo: to.map(date))
    }

    @Test func theReleaseBeforeEndsTheDayBeforeTheNextStarts() throws {
        let held = [Self.period("FY2024", "2023-10-01", "2024-09-30"), Self.period("FY2025", "2024-10-01")]
        let placement = try ReleaseSchedule.appending(Self.period("FY2026", "2025-10-01"), to: held, system: .icd10cm)
        #expect(placement == .init(effectiveTo: nil, closed: [Self.period("FY2025", "2024-10-01", "2025-09-30")]))
        #expect(try ReleaseSchedule.appending(Self.period("FIRST", "2025-01-01"), to: [], system: .cpt)
                == .init(effectiveTo: nil, closed: []))
        // A gap after a closed release is allowed; nothing else changes.
        let gap = try ReleaseSchedule.appending(Self.period("LATER", "2026-01-01", "2026-03-31"),
                                                to: [Self.period("Q1", "2025-01-01", "2025-03-31")], system: .hcpcs)
        #expect(gap == .init(effectiveTo: Self.date("2026-03-31"), closed: []))
    }

    @Test(arguments: [
        ("out of order", period("FY2025", "2024-10-01"), "is out of order: release FY2026 (from 2025-10-01) starts later"),
        ("same start", period("FY2026-BIS", "2025-10-01"), "overlaps release FY2026 (from 2025-10-01): both start on 2025-10-01"),
        ("before a closed release", period("LATE", "2023-06-01"), "is out of order"),
        ("ends before it starts", period("BACKWARDS", "2026-10-01", "2026-09-30"), "ends (2026-09-30) before it starts"),
    ])
    func aReleaseThatDoesNotFitIsRefused(_ label: String, _ new: ReleasePeriod, _ reason: String) {
        let held = [Self.period("FY2024", "2023-10-01", "2024-09-30"), Self.period("FY2026", "2025-10-01")]
        do {
            _ = try ReleaseSchedule.appending(new, to: held, system: .icd10cm)
            Issue.record("\(label): accepted")
        } catch {
            #expect(error.description.contains(reason), "\(label): \(error)")
            #expect(error.description.hasPrefix("ICD-10-CM release \(new.name)"), "\(label): \(error)")
        }
    }

    @Test func aReleaseOverlappingOneWithAnEndIsRefused() {
        let held = [Self.period("JAN", "2025-01-01", "2025-06-30")]
        #expect(throws: ReleaseOrderError.overlaps(system: .cpt, release: Self.period("JUN", "2025-06-01"), existing: held[0])) {
            try ReleaseSchedule.appending(Self.period("JUN", "2025-06-01"), to: held, system: .cpt)
        }
    }

    @Test func aReceivedReleaseFitsInWithoutRefusal() {
        let held = [Self.period("CPT-2024", "2024-01-01"), Self.period("CPT-2026", "2026-01-01")]
        // Older than a release held: it ends before that one; the one before it ends before it.
        #expect(ReleaseSchedule.fitting(Self.period("CPT-2025", "2025-01-01"), into: held)
                == .init(effectiveTo: Self.date("2025-12-31"), closed: [Self.period("CPT-2024", "2024-01-01", "2024-12-31")]))
        // One with its own end changes nothing.
        #expect(ReleaseSchedule.fitting(Self.period("JAN", "2025-01-01", "2025-01-31"), into: held)
                == .init(effectiveTo: Self.date("2025-01-31"), closed: []))
    }

    @Test(arguments: [
        // (what the claim holds, expected kinds and codes)
        ("a deleted diagnosis on a line after the start", ["J029"], ["2025-10-02"], [ReleaseImpact.Kind.deletedCode], ["J029"]),
        ("a deleted diagnosis, all lines before the start", ["J029"], ["2025-09-20"], [], []),
        ("lines on both sides of the start", ["I10"], ["2025-09-30", "2025-10-01"], [.straddles], [nil]),
        ("both at once", ["I10", "J029"], ["2025-09-30", "2025-10-01"], [.deletedCode, .straddles], ["J029", nil]),
        ("nothing deleted, one side", ["I10"], ["2025-10-01", "2025-12-01"], [], []),
    ] as [(String, [String], [String], [ReleaseImpact.Kind], [String?])])
    func aReleaseTouchesAnOpenClaim(_ label: String, _ diagnoses: [String], _ days: [String],
                                    _ kinds: [ReleaseImpact.Kind], _ codes: [String?]) {
        var claim = ScrubberFixtures.cleanClaim
        claim.diagnoses = diagnoses
        claim.lines = days.enumerated().map { ScrubberFixtures.line($0.offset + 1, "99213", on: Self.date($0.element)) }
        let impacts = ReleaseImpact.assess(claim, release: Self.period("ICD10CM-FY2026", "2025-10-01"), system: .icd10cm,
                                           deleted: ["J029", "E1165"])
        #expect(impacts.map(\.kind) == kinds, "\(label)")
        #expect(impacts.map(\.code) == codes, "\(label)")
    }

    @Test func aReleaseDeletingAProcedureNamesTheLine() {
        var claim = ScrubberFixtures.cleanClaim
        claim.lines = [ScrubberFixtures.line(1, "99213", on: Self.date("2026-01-05")),
                       ScrubberFixtures.line(2, "99201", on: Self.date("2026-01-05")),
                       ScrubberFixtures.line(3, "99201", on: Self.date("2025-12-31"))]
        let impacts = ReleaseImpact.assess(claim, release: Self.period("CPT-2026", "2026-01-01"), system: .cpt,
                                           deleted: ["99201"])
        #expect(impacts.map(\.lineNumber) == [2, nil])
        #expect(impacts.map(\.kind) == [.deletedCode, .straddles])
        #expect(impacts[0].message == "Procedure code 99201 on line 2 is deleted by CPT-2026 from 2026-01-01; choose a current code.")
    }

    @Test func aDeletionIsTheReleaseAfterTheLastOneListingTheCode() {
        let history = [Self.period("2019", "2019-01-01", "2019-12-31"), Self.period("2020", "2020-01-01", "2020-12-31"),
                       Self.period("2021", "2021-01-01", "2021-12-31"), Self.period("2022", "2022-01-01")]
        let listing: Set<String> = ["2019", "2020"]
        let found = CodeDeletion.find("99201", system: .cpt, inForce: history[3], history: history) { listing.contains($0) }
        #expect(found == CodeDeletion(code: "99201", system: .cpt, release: "2021", effectiveFrom: Self.date("2021-01-01")))
        #expect(CodeDeletion.find("99999", system: .cpt, inForce: history[3], history: history) { _ in false } == nil)
    }

    @Test(arguments: [("3074F", true), ("G8427", true), ("G9903", true), ("G0439", false), ("99213", false), ("J1100", false)])
    func qualityReportingCodesMayBeBilledAtZero(_ code: String, _ zeroAllowed: Bool) {
        var claim = ScrubberFixtures.cleanClaim
        claim.add(ScrubberFixtures.line(3, code, cents: 0))
        let charge = ScrubberFixtures.scrubber.check(claim).filter { $0.rule == .charge }
        #expect(charge.isEmpty == zeroAllowed, "\(code): \(charge)")
        #expect(ProcedureCode.isQualityReporting(code) == zeroAllowed)
    }
}
