import BillingModel
import ClinicStore
import Testing

/// The claim rules every store shares (``OfficeRules``, ``X12ExportPlan``), as tables of cases.
@Suite struct OfficeRulesTests {
    static func claim(_ stage: ClaimLifecycle.Stage, round: Int = 1, id: String = "c1") -> Claim {
        Claim(id: id, clinicID: "alpha", claimNumber: "C1", patientID: "p1", payerID: "pay1", billingNPI: "1234567893",
              lifecycle: ClaimLifecycle(round: round, stage: stage))
    }

    static let error = ScrubFinding(rule: .diagnosisUnknown, severity: .error, message: "unknown")
    static let warning = ScrubFinding(rule: .diagnosisUnknown, severity: .warning, message: "odd")

    /// What `claim submit` moves each stage to: submitted in its round, a rejected claim's next
    /// round, and a refusal for everything already sent or superseded.
    @Test(arguments: [
        (ClaimLifecycle.Stage.draft, ClaimLifecycle(round: 1, stage: .submitted)),
        (.coded, ClaimLifecycle(round: 1, stage: .submitted)),
        (.validated, ClaimLifecycle(round: 1, stage: .submitted)),
        (.rejected, ClaimLifecycle(round: 2, stage: .submitted)),
    ])
    func submittableStagesMoveToSubmitted(stage: ClaimLifecycle.Stage, expected: ClaimLifecycle) throws {
        #expect(try OfficeRules.submittedLifecycle(of: Self.claim(stage)) == expected)
        #expect(try OfficeRules.submitted(Self.claim(stage), findings: [Self.warning]).lifecycle == expected)
    }

    @Test(arguments: [ClaimLifecycle.Stage.submitted, .accepted, .denied, .paid, .appealed, .replaced, .voided])
    func sentOrSupersededClaimsAreNotSubmittedAgain(stage: ClaimLifecycle.Stage) {
        #expect(throws: StoreError.self) { try OfficeRules.submittedLifecycle(of: Self.claim(stage)) }
    }

    @Test func anErrorRefusesTheSubmissionWithTheFindings() {
        #expect(throws: ClaimRefusal(action: .submit, claims: [ClaimCheck(claim: Self.claim(.coded), findings: [Self.error])])) {
            try OfficeRules.submitted(Self.claim(.coded), findings: [Self.error])
        }
    }

    /// A clean check validates a draft or coded claim; errors, or a claim already validated or
    /// beyond, leave it as it is.
    @Test(arguments: [
        (ClaimLifecycle.Stage.draft, [ScrubFinding](), ClaimLifecycle.Stage.validated),
        (.coded, [warning], .validated),
        (.coded, [error], .coded),
        (.validated, [], .validated),
        (.rejected, [], .rejected),
    ])
    func aCleanCheckValidates(stage: ClaimLifecycle.Stage, findings: [ScrubFinding], expected: ClaimLifecycle.Stage) {
        #expect(OfficeRules.afterCheck(ClaimCheck(claim: Self.claim(stage), findings: findings)).lifecycle.stage == expected)
    }

    @Test func anExportTakesEachClaimOnceAndRefusesSupersededOnes() throws {
        let first = Self.claim(.coded, id: "a"), second = Self.claim(.submitted, id: "b")
        #expect(try X12ExportPlan.claims([first, second, first]).map(\.id) == ["a", "b"])
        #expect(throws: StoreError.self) { try X12ExportPlan.claims([first, Self.claim(.voided, id: "v")]) }
        #expect(X12ExportPlan.refusal([ClaimCheck(claim: first, findings: [Self.warning])]) == nil)
        let refusal = X12ExportPlan.refusal([ClaimCheck(claim: first, findings: []), ClaimCheck(claim: second, findings: [Self.error])])
        #expect(refusal?.action == .export && refusal?.claims.map(\.claim.id) == ["b"])
    }
}
