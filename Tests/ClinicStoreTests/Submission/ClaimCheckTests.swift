import BillingModel
import ClinicStore
import Testing

/// `claim check` and `claim submit` through the store: findings from the releases in
/// force, `validated` when clean, submission refused with the findings.
@Suite struct ClaimCheckTests {
    /// A coder's mistake, the rule that must catch it and the line it concerns.
    enum Mistake: String, CaseIterable, Sendable {
        case wrongNPICheckDigit, pointerToNoDiagnosis, headerDiagnosis, unknownProcedure

        var rule: ScrubRule {
            switch self {
            case .wrongNPICheckDigit: return .npiInvalid
            case .pointerToNoDiagnosis: return .pointerUnknownDiagnosis
            case .headerDiagnosis: return .diagnosisNotBillable
            case .unknownProcedure: return .procedureUnknown
            }
        }

        var line: Int? { self == .pointerToNoDiagnosis || self == .unknownProcedure ? 1 : nil }

        func claim(in store: LocalStore, patient: Patient) throws -> Claim {
            typealias F = SubmissionFixtures
            switch self {
            case .wrongNPICheckDigit:
                return try F.claim(in: store, patient: patient, lines: [F.line("99213")], billingNPI: "1234567890")
            case .pointerToNoDiagnosis:
                return try F.claim(in: store, patient: patient, lines: [F.line("99213", pointers: [1, 3])])
            case .headerDiagnosis:
                return try F.claim(in: store, patient: patient, diagnoses: ["E11", "I10"], lines: [F.line("99213")])
            case .unknownProcedure:
                return try F.claim(in: store, patient: patient, lines: [F.line("99999")])
            }
        }
    }

    @Test(arguments: Mistake.allCases)
    func eachMistakeIsFoundAndBlocksSubmissionWithoutChangingAnything(_ mistake: Mistake) throws {
        let store = try SubmissionFixtures.store(bundledICD: true)
        let people = try SubmissionFixtures.people(in: store)
        let claim = try mistake.claim(in: store, patient: people.subscriber)

        let check = try store.checkClaim(claim.id)
        #expect(check.findings.contains { $0.rule == mistake.rule && $0.lineNumber == mistake.line && $0.severity == .error },
                "\(check.findings)")
        #expect(check.hasErrors)
        #expect(check.claim.lifecycle.stage == .coded, "a claim with errors is not validated")

        let before = try SubmissionFixtures.changeCount(store)
        let refusal = try #require(throws: ClaimRefusal.self) { try store.submitClaim(claim.claimNumber) }
        #expect(refusal.claims.map(\.claim.id) == [claim.id])
        #expect(refusal.claims[0].findings == check.findings)
        #expect(refusal.description.contains(claim.claimNumber) && refusal.description.contains(mistake.rule.id))
        #expect(!refusal.description.contains("Garcia") && !refusal.description.contains("XGM100200"))
        #expect(try store.claim(claim.id) == claim)
        #expect(try SubmissionFixtures.changeCount(store) == before)
    }

    @Test func aCleanClaimIsValidatedThenSubmittedOnceAndFrozen() throws {
        let store = try SubmissionFixtures.store()
        let people = try SubmissionFixtures.people(in: store)
        let claim = try SubmissionFixtures.claim(in: store, patient: people.subscriber, lines: [
            SubmissionFixtures.line("99213", ["25"], pointers: [1, 2]),
            SubmissionFixtures.line("36415", charge: "25.00"),
        ])

        let check = try store.checkClaim(claim.claimNumber)
        #expect(!check.hasErrors, "\(check.findings)")
        #expect(check.claim.lifecycle.stage == .validated)
        #expect(try store.claim(claim.id).lifecycle.stage == .validated)
        #expect(try store.claimHistory(claim.id).contains { $0.field == "lifecycle" })

        let submitted = try store.submitClaim(claim.id)
        #expect(submitted.lifecycle == ClaimLifecycle(round: 1, stage: .submitted))
        #expect(try store.claim(claim.id).lifecycle.stage == .submitted)

        let again = try #require(throws: StoreError.self) { try store.submitClaim(claim.id) }
        #expect(again.description.contains("already submitted"))
        #expect(throws: StoreError.self) { try store.addLine(claim: claim.id, SubmissionFixtures.line("93000")) }
    }

    @Test func submittingChecksAgainAfterAnEditOfAValidatedClaim() throws {
        let store = try SubmissionFixtures.store()
        let people = try SubmissionFixtures.people(in: store)
        let claim = try SubmissionFixtures.claim(in: store, patient: people.subscriber,
                                                 lines: [SubmissionFixtures.line("99213")])
        #expect(try store.checkClaim(claim.id).claim.lifecycle.stage == .validated)
        _ = try store.setLine(claim: claim.id, lineNumber: 1, LineInput(procedureCode: "99299"))

        let refusal = try #require(throws: ClaimRefusal.self) { try store.submitClaim(claim.id) }
        #expect(refusal.claims[0].findings.contains { $0.rule == .procedureUnknown && $0.lineNumber == 1 })
        #expect(try store.claim(claim.id).lifecycle.stage != .submitted)
    }

    @Test func checkingAllOpenClaimsCoversTheQueueAndValidatesTheCleanOnes() throws {
        let store = try SubmissionFixtures.store()
        let people = try SubmissionFixtures.people(in: store)
        typealias F = SubmissionFixtures
        let sent = try F.claim(in: store, patient: people.subscriber, lines: [F.line("99214")])
        _ = try store.submitClaim(sent.id)
        F.advance(store)
        let clean = try F.claim(in: store, patient: people.child, diagnoses: ["J02.9"], lines: [F.line("87880")])
        F.advance(store)
        let broken = try F.claim(in: store, patient: people.subscriber, diagnoses: ["M54.5"], lines: [F.line("99213")])
        F.advance(store)
        let empty = try store.newClaim(ClaimInput(patientID: people.subscriber.id, payer: "60054",
                                                  billingNPI: F.billingNPI))

        let checks = try store.checkOpenClaims()
        #expect(checks.map(\.claim.id) == [clean.id, broken.id, empty.id], "submitted claims are not rechecked")
        #expect(checks.map(\.hasErrors) == [false, true, true])
        #expect(checks[1].findings.contains { $0.rule == .diagnosisNotBillable })
        #expect(Set(checks[2].findings.map(\.rule)).isSuperset(of: [.diagnosisCount, .lineCount]))
        #expect(try store.claim(clean.id).lifecycle.stage == .validated)
        #expect(try store.claim(broken.id).lifecycle.stage == .coded)
        #expect(try store.claim(empty.id).lifecycle.stage == .draft)
    }

    @Test func findingsComeFromTheReleaseInForceOnTheDateOfService() throws {
        let store = try SubmissionFixtures.store()
        let people = try SubmissionFixtures.people(in: store)
        // A mid-year procedure list without 36415 takes over from January 2025 to January 31.
        try SubmissionFixtures.importRelease(store, .cpt, name: "CPT-2025-JAN", effective: "2025-01-01", to: "2025-01-31",
                                             text: "code,description\n99213,Office visit\n")
        typealias F = SubmissionFixtures
        let inJanuary = try F.claim(in: store, patient: people.subscriber,
                                    lines: [F.line("99213"), F.line("36415", date: "2025-01-31")])
        let before = try F.claim(in: store, patient: people.subscriber, lines: [F.line("36415", date: "2024-12-31")])
        let after = try F.claim(in: store, patient: people.subscriber, lines: [F.line("36415", date: "2025-02-01")])

        #expect(try store.checkClaim(inJanuary.id).findings.filter { $0.severity == .error }.map(\.lineNumber) == [2])
        #expect(!(try store.checkClaim(before.id).hasErrors))
        #expect(!(try store.checkClaim(after.id).hasErrors))
    }
}
