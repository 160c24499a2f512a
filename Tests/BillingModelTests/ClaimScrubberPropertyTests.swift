import CLITesting
import Testing
@testable import BillingModel

@Suite struct ClaimScrubberPropertyTests {
    /// Codes in no NCCI edit, with the most units a line may carry.
    static let procedures: [(code: String, maxUnits: Int)] = [
        ("99203", 1), ("99214", 1), ("36415", 1), ("90471", 3), ("G0439", 1), ("J1100", 30), ("0503F", 1),
    ]
    static let plainModifiers = ["76", "77", "GA", "59", "LT", "26"]

    /// A random claim that follows every rule, built only from what the reference knows.
    static func validClaim(_ rng: inout SeededRandom) -> Claim {
        let diagnoses = Array(F.billableDiagnoses.shuffled(using: &rng).prefix(Int.random(in: 1...12, using: &rng)))
        let place = F.placesOfService.randomElement(using: &rng)!
        let telehealth = ClaimScrubber.telehealthPlacesOfService.contains(place)
        var claim = Claim(id: "claim-p", clinicID: "clinic-1", claimNumber: "P1", patientID: "patient-1",
                          payerID: "payer-1", billingNPI: ["1234567893", "1003347634", "1528060837"].randomElement(using: &rng)!,
                          placeOfService: place, diagnoses: diagnoses)
        let lineCount = Int.random(in: 1...20, using: &rng)
        for number in 1...lineCount {
            let procedure = procedures.randomElement(using: &rng)!
            var modifiers = Array(plainModifiers.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng)))
            if ProcedureCode.isEvaluationAndManagement(procedure.code), Bool.random(using: &rng) { modifiers.append("25") }
            if telehealth { modifiers.append(["95", "93", "GT"].randomElement(using: &rng)!) }
            let pointers = Array((1...diagnoses.count).shuffled(using: &rng).prefix(Int.random(in: 1...4, using: &rng)))
            let day = F.today.adding(days: -Int.random(in: 0...60, using: &rng))   // inside every release
            let cents: Int64 = procedure.code.hasSuffix("F") ? 0 : Int64.random(in: 1...500_000, using: &rng)
            claim.lines.append(F.line(number, procedure.code, modifiers: modifiers,
                                      units: Int.random(in: 1...procedure.maxUnits, using: &rng), cents: cents,
                                      on: day, pointers: pointers))
        }
        claim.recomputeTotal()
        return claim
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomValidClaimsHaveNoFindings(_ seed: UInt64) {
        var rng = SeededRandom(state: seed)
        for _ in 0..<200 {
            let claim = Self.validClaim(&rng)
            let findings = F.scrubber.check(claim)
            #expect(findings == [], "seed \(seed): \(findings)")
            if !findings.isEmpty { return }
        }
    }
}
