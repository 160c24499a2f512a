import BillingModel
import ClaimExport
import Testing

@Suite("HL tree: billing provider, subscriber, patient")
struct HierarchyTests {
    typealias F = Fixture

    func export(_ bundles: [X12ClaimBundle]) throws -> Segments {
        Segments(try Claim837PWriter().write(bundles, envelope: F.envelope))
    }

    /// HL segments as `id/parent/level/child`.
    func tree(_ segments: Segments) -> [String] {
        segments.named("HL").map { $0.dropFirst().joined(separator: "/") }
    }

    @Test func patientWhoIsTheSubscriberHasNo2000C() throws {
        let segments = try export([F.simpleBundle()])
        #expect(tree(segments) == ["1//20/1", "2/1/22/0"])
        #expect(segments.texts("SBR") == ["SBR*P*18*******CI"])
        #expect(segments.texts("NM1", "IL") == ["NM1*IL*1*DOE*JANE****MI*W123456789"])
        #expect(segments.texts("DMG") == ["DMG*D8*19800101*F"])
        #expect(segments.named("PAT").isEmpty)
        #expect(segments.texts("NM1", "PR") == ["NM1*PR*2*AETNA*****PI*60054"])
    }

    @Test func dependentGetsA2000CWithPATAndTheSubscriberLevelHasChildren() throws {
        let claim = F.claim("R-3001", patient: F.sofiaGarcia, payer: F.medicare, billing: F.riverside,
                            diagnoses: ["Z00129", "Z23"])
        let segments = try export([F.bundle(claim, patient: F.sofiaGarcia, payer: F.medicare, billing: F.riverside)])
        #expect(tree(segments) == ["1//20/1", "2/1/22/1", "3/2/23/0"])
        #expect(segments.texts("SBR") == ["SBR*P********MB"])
        #expect(segments.texts("NM1", "IL") == ["NM1*IL*1*GARCIA*ROBERT****MI*AET889900112"])
        #expect(segments.texts("PAT") == ["PAT*19"])
        #expect(segments.texts("NM1", "QC") == ["NM1*QC*1*GARCIA*SOFIA"])
        #expect(segments.texts("DMG") == ["DMG*D8*20160902*F"], "only the patient's DMG is sent for a dependent")
        let ids = segments.all.map { $0[0] }
        #expect(ids.firstIndex(of: "PAT")! < ids.firstIndex(of: "CLM")!)
    }

    @Test func claimsOfOneBillingProviderShareOne2000AAndOneSubscriberShares2000B() throws {
        let second = F.bundle(F.claim("C1002", patient: F.janeDoe, diagnoses: ["J069", "R059"]), patient: F.janeDoe)
        let other = F.bundle(F.claim("C1003", patient: F.harold, payer: F.medicare), patient: F.harold, payer: F.medicare)
        let segments = try export([F.simpleBundle("C1001"), other, second])
        #expect(tree(segments) == ["1//20/1", "2/1/22/0", "3/1/22/0"])
        #expect(segments.named("CLM").map { $0[1] } == ["C1001", "C1002", "C1003"])
    }

    @Test func differentBillingProvidersGetTheirOwn2000A() throws {
        let riverside = F.bundle(F.claim("R-2001", patient: F.robertGarcia, billing: F.riverside),
                                 patient: F.robertGarcia, billing: F.riverside)
        let segments = try export([F.simpleBundle("C1001"), riverside, F.simpleBundle("C1002")])
        #expect(tree(segments) == ["1//20/1", "2/1/22/0", "3//20/1", "4/3/22/0"])
        #expect(segments.named("NM1", "85").map { $0[9] } == ["1234567893", "1003347634"])
    }

    @Test func siblingsShareTheirSubscribersLevelEachWithTheirOwn2000C() throws {
        let sofia = F.bundle(F.claim("R-1", patient: F.sofiaGarcia, billing: F.riverside), patient: F.sofiaGarcia,
                             billing: F.riverside)
        let mateo = F.bundle(F.claim("R-2", patient: F.mateoGarcia, billing: F.riverside), patient: F.mateoGarcia,
                             billing: F.riverside)
        let robert = F.bundle(F.claim("R-3", patient: F.robertGarcia, billing: F.riverside), patient: F.robertGarcia,
                              billing: F.riverside)
        let segments = try export([sofia, mateo, robert])
        #expect(tree(segments) == ["1//20/1", "2/1/22/1", "3/2/23/0", "4/2/23/0", "5/1/22/0"])
        #expect(segments.texts("SBR") == ["SBR*P********CI", "SBR*P*18*******CI"])
    }

    @Test func aSubscriberLevelHoldsAtMostOneHundredClaims() throws {
        let bundles = (1...205).map { F.simpleBundle("C\($0)") }
        let segments = try export(bundles)
        #expect(tree(segments) == ["1//20/1", "2/1/22/0", "3/1/22/0", "4/1/22/0"])
        #expect(segments.named("CLM").count == 205)
    }
}
