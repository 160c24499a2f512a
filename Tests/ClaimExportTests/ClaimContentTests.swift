import BillingModel
import ClaimExport
import Testing

@Suite("claim content: CLM, HI, SV1, DTP, REF*F8, 2310B")
struct ClaimContentTests {
    typealias F = Fixture

    func export(_ bundles: [X12ClaimBundle]) throws -> Segments {
        Segments(try Claim837PWriter().write(bundles, envelope: F.envelope))
    }

    @Test func clmCarriesNumberTotalAndPlaceQualifierFrequencyComposite() throws {
        let segments = try export([F.simpleBundle("C1001")])
        #expect(segments.texts("CLM") == ["CLM*C1001*125.5***11:B:1*Y*A*Y*Y"])
        #expect(segments.named("REF", "F8").isEmpty)
    }

    @Test(arguments: [(ClaimFrequency.replacement, "7"), (.void, "8")])
    func replacementAndVoidCarryThePayerClaimNumber(_ frequency: ClaimFrequency, _ code: String) throws {
        let claim = F.claim("C1001", patient: F.janeDoe, placeOfService: "22", frequency: frequency,
                            payerClaimNumber: "2025010812345678")
        let segments = try export([F.bundle(claim, patient: F.janeDoe)])
        #expect(segments.only("CLM")?[5] == "22:B:\(code)")
        #expect(segments.texts("REF", "F8") == ["REF*F8*2025010812345678"])
        let ids = segments.all.map { $0[0] + ($0.count > 1 ? "*" + $0[1] : "") }
        let reference = try #require(ids.firstIndex(of: "REF*F8"))
        #expect(ids[reference - 1].hasPrefix("CLM*"), "REF*F8 follows CLM")
        #expect(ids[reference + 1].hasPrefix("HI*"), "REF*F8 precedes HI")
    }

    @Test(arguments: [
        (125_00 as Int64, "125"), (125_50, "125.5"), (125_05, "125.05"), (0, "0"), (1_234_567_89, "1234567.89"),
    ])
    func amountsHaveNoTrailingZeros(_ cents: Int64, _ expected: String) throws {
        let claim = F.claim("C1001", patient: F.janeDoe, lines: [F.line(1, "99213", cents: cents)])
        let segments = try export([F.bundle(claim, patient: F.janeDoe)])
        #expect(segments.only("CLM")?[2] == expected)
        #expect(segments.only("SV1")?[2] == expected)
    }

    @Test func hiListsThePrincipalAsABKThenOthersAsABFWithoutDots() throws {
        let claim = F.claim("C1001", patient: F.janeDoe, diagnoses: ["E11.65", "i10", "Z79.84"])
        let segments = try export([F.bundle(claim, patient: F.janeDoe)])
        #expect(segments.texts("HI") == ["HI*ABK:E1165*ABF:I10*ABF:Z7984"])
    }

    @Test func twelveDiagnosesFitTheOneHISegment() throws {
        let codes = ["E1165", "I10", "E785", "N1831", "E6601", "Z6835", "G4733", "K219", "M1711", "F411", "Z794", "Z7984"]
        let claim = F.claim("C1001", patient: F.janeDoe, diagnoses: codes)
        let hi = try #require(try export([F.bundle(claim, patient: F.janeDoe)]).only("HI"))
        #expect(hi.count == 13)
        #expect(hi[1] == "ABK:E1165")
        #expect(hi.dropFirst(2).allSatisfy { $0.hasPrefix("ABF:") })
        #expect(hi[12] == "ABF:Z7984")
    }

    @Test func sv1CarriesFourModifiersUnitsAndPointers() throws {
        let claim = F.claim("C1001", patient: F.janeDoe, diagnoses: ["M25561", "S83241A", "M2551", "Z9889"],
                            lines: [F.line(1, "97140", modifiers: ["gp", "59", "KX", "RT"], units: 3, cents: 12_000,
                                           pointers: [2, 1, 3, 4])])
        let segments = try export([F.bundle(claim, patient: F.janeDoe)])
        #expect(segments.texts("SV1") == ["SV1*HC:97140:GP:59:KX:RT*120*UN*3***2:1:3:4"])
        #expect(segments.texts("LX") == ["LX*1"])
    }

    @Test func linePlaceOfServiceIsWrittenOnlyWhenItDiffersFromTheClaims() throws {
        let claim = F.claim("C1001", patient: F.janeDoe, diagnoses: ["F411"],
                            lines: [F.line(1, "99213", modifiers: ["95"], cents: 10_000, placeOfService: "10"),
                                    F.line(2, "99213", cents: 10_000, placeOfService: "11")])
        let segments = try export([F.bundle(claim, patient: F.janeDoe)])
        #expect(segments.texts("SV1") == ["SV1*HC:99213:95*100*UN*1*10**1", "SV1*HC:99213*100*UN*1***1"])
    }

    @Test func multiDayLinesUseRD8AndSingleDaysD8() throws {
        let claim = F.claim("C1001", patient: F.janeDoe, diagnoses: ["L89154"],
                            lines: [F.line(1, "97597", cents: 12_000, on: F.date("2025-01-06"), through: F.date("2025-01-10")),
                                    F.line(2, "97597", cents: 12_000, on: F.date("2025-01-13"), through: F.date("2025-01-13"))])
        let segments = try export([F.bundle(claim, patient: F.janeDoe)])
        #expect(segments.texts("DTP", "472") == ["DTP*472*RD8*20250106-20250110", "DTP*472*D8*20250113"])
    }

    @Test func linesAreNumberedFromOneInOrder() throws {
        let lines = (1...50).map { F.line($0 + 10, "97110", cents: 4_500) }
        let segments = try export([F.bundle(F.claim("C1001", patient: F.janeDoe, lines: lines), patient: F.janeDoe)])
        #expect(segments.named("LX").map { $0[1] } == (1...50).map(String.init))
        #expect(segments.named("SV1").count == 50)
        #expect(segments.named("DTP", "472").count == 50)
    }

    @Test func renderingProviderIsWrittenOnlyWhenItDiffersFromBilling() throws {
        let different = F.bundle(F.claim("C1001", patient: F.janeDoe, rendering: F.drOkafor), patient: F.janeDoe,
                                 rendering: F.drOkafor)
        let segments = try export([different])
        #expect(segments.texts("NM1", "82") == ["NM1*82*1*OKAFOR*ADAEZE****XX*1528060837"])
        #expect(segments.texts("PRV", "PE") == ["PRV*PE*PXC*207Q00000X"])
        let ids = segments.all.map { $0[0] + ($0.count > 1 ? $0[1] : "") }
        #expect(ids.firstIndex(of: "NM182").map { ids[$0 - 1] } == "HIABK:E1165", "2310B follows HI")

        let same = F.bundle(F.claim("C1002", patient: F.janeDoe, billing: F.drOkafor, rendering: F.drOkafor),
                            patient: F.janeDoe, billing: F.drOkafor, rendering: F.drOkafor)
        let selfRendered = try export([same])
        #expect(selfRendered.named("NM1", "82").isEmpty)
        #expect(selfRendered.texts("NM1", "85") == ["NM1*85*1*OKAFOR*ADAEZE****XX*1528060837"])
    }

    @Test func billingProviderLoopHasAddressZipPlus4AndTaxID() throws {
        let segments = try export([F.simpleBundle()])
        #expect(segments.texts("PRV", "BI") == ["PRV*BI*PXC*207Q00000X"])
        #expect(segments.texts("NM1", "85") == ["NM1*85*2*LAKESIDE FAMILY MEDICINE*****XX*1234567893"])
        #expect(segments.texts("N4").first == "N4*SPRINGFIELD*IL*627011234")
        #expect(segments.texts("REF", "EI") == ["REF*EI*123456789"])
    }
}
