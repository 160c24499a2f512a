import BillingModel
import ClinicStore
import Testing

/// `claim void` and `claim replace`: frequency 8 and 7 claims under the original claim
/// number, carrying the payer's claim control number.
@Suite struct VoidAndReplaceTests {
    typealias F = SubmissionFixtures

    /// A store with one submitted claim.
    static func submitted(payerClaimNumber: String? = "PCN-2025-000123") throws -> (LocalStore, Claim) {
        let store = try F.store()
        let people = try F.people(in: store)
        let claim = try F.claim(in: store, patient: people.subscriber, lines: [
            F.line("99213", pointers: [1, 2]), F.line("36415", charge: "25.00"),
        ])
        _ = try store.submitClaim(claim.id)
        if let payerClaimNumber {
            _ = try store.setClaimField(claim.id, field: .payerClaimNumber, value: payerClaimNumber)
        }
        F.advance(store)
        return (store, try store.claim(claim.id))
    }

    @Test func aReplacementCopiesTheCodingAndStaysEditableUntilSubmitted() throws {
        let (store, original) = try Self.submitted()
        let replacement = try store.replaceClaim(original.claimNumber)

        #expect(replacement.id != original.id)
        #expect(replacement.claimNumber == original.claimNumber)
        #expect(replacement.frequency == .replacement)
        #expect(replacement.payerClaimNumber == "PCN-2025-000123")
        #expect(replacement.originalClaimID == original.id)
        #expect(replacement.lifecycle == ClaimLifecycle(round: 1, stage: .coded))
        #expect(replacement.diagnoses == original.diagnoses)
        #expect(replacement.lines.map(\.procedureCode) == original.lines.map(\.procedureCode))
        #expect(replacement.lines.map(\.chargeCents) == original.lines.map(\.chargeCents))
        #expect(Set(replacement.lines.map(\.id)).isDisjoint(with: original.lines.map(\.id)))
        #expect(replacement.totalChargeCents == original.totalChargeCents)
        #expect(try store.claim(replacement.id) == replacement)

        #expect(try store.claim(original.id).lifecycle.stage == .replaced)
        #expect(try store.claim(original.claimNumber).id == replacement.id, "the claim number now means the replacement")
        #expect(throws: StoreError.self) {
            try store.setLine(claim: original.id, lineNumber: 2, LineInput(charge: "30.00"))
        }

        _ = try store.setLine(claim: replacement.id, lineNumber: 2, LineInput(charge: "30.00"))
        let sent = try store.submitClaim(replacement.id)
        #expect(sent.lifecycle.stage == .submitted && sent.totalChargeCents == 13_000)
        #expect(throws: StoreError.self) {
            try store.setLine(claim: replacement.id, lineNumber: 1, LineInput(units: 2))
        }
    }

    @Test func aVoidTakesTheGivenControlNumberAndRecordsItOnTheOriginal() throws {
        let (store, original) = try Self.submitted(payerClaimNumber: nil)
        let void = try store.voidClaim(original.id, payerClaimNumber: "PAYER-77")

        #expect(void.frequency == .void && void.claimNumber == original.claimNumber)
        #expect(void.payerClaimNumber == "PAYER-77" && void.originalClaimID == original.id)
        #expect(void.lines.count == original.lines.count)
        let voided = try store.claim(original.id)
        #expect(voided.lifecycle.stage == .voided && voided.payerClaimNumber == "PAYER-77")
        #expect(!(try store.checkClaim(void.id).hasErrors))
        #expect(try store.submitClaim(void.id).lifecycle.stage == .submitted)
    }

    enum Refusal: String, CaseIterable, Sendable {
        case neverSubmitted, noControlNumber, alreadyReplaced, badControlNumber
    }

    @Test(arguments: Refusal.allCases, [ClaimFrequency.void, .replacement])
    func refusedRequestsChangeNothing(_ refusal: Refusal, _ frequency: ClaimFrequency) throws {
        let (store, original) = try Self.submitted(payerClaimNumber: refusal == .noControlNumber ? nil : "PCN-1")
        var target = original
        var given: String?
        switch refusal {
        case .neverSubmitted:
            let people = try store.patients()
            target = try F.claim(in: store, patient: people[0], lines: [F.line("99213")])
        case .noControlNumber: break
        case .alreadyReplaced: _ = try store.replaceClaim(original.id)
        case .badControlNumber: given = "PCN*1~"
        }
        let changes = try F.changeCount(store)
        let claims = try store.claims()

        let error = try #require(throws: StoreError.self) {
            frequency == .void ? try store.voidClaim(target.id, payerClaimNumber: given)
                               : try store.replaceClaim(target.id, payerClaimNumber: given)
        }
        let expected = ["neverSubmitted": "never sent", "noControlNumber": "payer_claim_number",
                        "alreadyReplaced": "already replaced", "badControlNumber": "payer_claim_number"]
        #expect(error.description.contains(expected[refusal.rawValue]!), "\(error)")
        #expect(try F.changeCount(store) == changes)
        #expect(try store.claims() == claims)
    }
}
