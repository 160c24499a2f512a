import CLITesting
import BillingModel
import Foundation
import ClaimExport
import Testing

/// Files the writer produces, each checked by the real pyx12 validator.
enum ValidatorScenario: String, CaseIterable, Sendable {
    case simpleClaim
    case severalPatientsSameProvider
    case severalBillingProviders
    case dependentPatient
    case subscriberAndDependentsTogether
    case twelveDiagnoses
    case fiftyLines
    case fourModifiers
    case replacement
    case void
    case multiDayLine
    case renderingProviderDiffers
    case personAsBillingProvider
    case linePlaceOfServiceOverride
    case delimitersAndAccentsInFreeText
    case oneLongLine
    case moreThanHundredClaimsForOneSubscriber

    var bundles: [X12ClaimBundle] {
        typealias F = Fixture
        switch self {
        case .simpleClaim, .oneLongLine:
            return [F.simpleBundle()]
        case .severalPatientsSameProvider:
            return [
                F.simpleBundle("C1001"),
                F.bundle(F.claim("C1002", patient: F.harold, payer: F.medicare, diagnoses: ["I48.91", "Z79.01"],
                                 lines: [F.line(1, "99214", cents: 16_500, pointers: [1, 2]),
                                         F.line(2, "93000", cents: 4_275, pointers: [1])]),
                         patient: F.harold, payer: F.medicare),
                F.bundle(F.claim("C1003", patient: F.janeDoe, diagnoses: ["J06.9"],
                                 lines: [F.line(1, "99212", cents: 7_500, on: F.date("2025-01-13"))]),
                         patient: F.janeDoe),
            ]
        case .severalBillingProviders:
            return [
                F.simpleBundle("C1001"),
                F.bundle(F.claim("R-2001", patient: F.robertGarcia, billing: F.riverside, diagnoses: ["M54.50"],
                                 lines: [F.line(1, "99203", cents: 18_000)]),
                         patient: F.robertGarcia, billing: F.riverside),
                F.bundle(F.claim("C1004", patient: F.harold, payer: F.medicare, diagnoses: ["E78.5"],
                                 lines: [F.line(1, "80061", cents: 3_800)]),
                         patient: F.harold, payer: F.medicare),
            ]
        case .dependentPatient:
            return [F.bundle(F.claim("R-3001", patient: F.sofiaGarcia, billing: F.riverside, diagnoses: ["Z00.129", "Z23"],
                                     lines: [F.line(1, "99393", cents: 21_000, pointers: [1]),
                                             F.line(2, "90686", cents: 2_400, pointers: [2]),
                                             F.line(3, "90460", cents: 2_500, pointers: [2])]),
                             patient: F.sofiaGarcia, billing: F.riverside)]
        case .subscriberAndDependentsTogether:
            let visit = [F.line(1, "99213", cents: 11_000)]
            return [
                F.bundle(F.claim("R-4001", patient: F.sofiaGarcia, billing: F.riverside, diagnoses: ["J02.9"], lines: visit),
                         patient: F.sofiaGarcia, billing: F.riverside),
                F.bundle(F.claim("R-4002", patient: F.robertGarcia, billing: F.riverside, diagnoses: ["M54.50"], lines: visit),
                         patient: F.robertGarcia, billing: F.riverside),
                F.bundle(F.claim("R-4003", patient: F.mateoGarcia, billing: F.riverside, diagnoses: ["H66.91"], lines: visit),
                         patient: F.mateoGarcia, billing: F.riverside),
                F.bundle(F.claim("R-4004", patient: F.sofiaGarcia, billing: F.riverside, diagnoses: ["J02.9"],
                                 lines: [F.line(1, "87880", cents: 3_000, on: F.date("2025-01-12"))]),
                         patient: F.sofiaGarcia, billing: F.riverside),
                F.simpleBundle("C1009"),
            ]
        case .twelveDiagnoses:
            let codes = ["E11.65", "I10", "E78.5", "N18.31", "E66.01", "Z68.35", "G47.33", "K21.9", "M17.11",
                         "F41.1", "Z79.4", "Z79.84"]
            return [F.bundle(F.claim("C1012", patient: F.harold, payer: F.medicare, diagnoses: codes,
                                     lines: [F.line(1, "99215", cents: 24_000, pointers: [1, 2, 3, 4]),
                                             F.line(2, "83036", cents: 1_300, pointers: [1, 11]),
                                             F.line(3, "82043", cents: 900, pointers: [4, 12])]),
                             patient: F.harold, payer: F.medicare)]
        case .fiftyLines:
            let lines = (1...50).map { n in
                F.line(n, "97110", modifiers: ["GP"], units: 1 + n % 3, cents: 4_500 + Int64(n),
                       on: F.date("2025-01-01").adding(days: (n - 1) % 28))
            }
            return [F.bundle(F.claim("C1050", patient: F.harold, payer: F.medicare, diagnoses: ["M17.11"], lines: lines),
                             patient: F.harold, payer: F.medicare)]
        case .fourModifiers:
            return [F.bundle(F.claim("C1044", patient: F.janeDoe, diagnoses: ["M25.561", "S83.241A"],
                                     lines: [F.line(1, "97140", modifiers: ["GP", "59", "KX", "RT"], units: 2,
                                                    cents: 8_000, pointers: [1, 2])]),
                             patient: F.janeDoe)]
        case .replacement:
            return [F.bundle(F.claim("C1001", patient: F.janeDoe, frequency: .replacement,
                                     payerClaimNumber: "2025010812345678"), patient: F.janeDoe)]
        case .void:
            return [F.bundle(F.claim("C1001", patient: F.janeDoe, frequency: .void,
                                     payerClaimNumber: "2025010812345678"), patient: F.janeDoe)]
        case .multiDayLine:
            return [F.bundle(F.claim("C1077", patient: F.harold, payer: F.medicare, placeOfService: "12",
                                     diagnoses: ["L89.154"],
                                     lines: [F.line(1, "97597", units: 5, cents: 60_000, on: F.date("2025-01-06"),
                                                    through: F.date("2025-01-10"))]),
                             patient: F.harold, payer: F.medicare)]
        case .renderingProviderDiffers:
            return [F.bundle(F.claim("C1088", patient: F.janeDoe, rendering: F.drOkafor), patient: F.janeDoe,
                             rendering: F.drOkafor),
                    F.bundle(F.claim("R-5001", patient: F.sofiaGarcia, billing: F.riverside, rendering: F.drChen,
                                     diagnoses: ["J02.9"], lines: [F.line(1, "99213", cents: 11_000)]),
                             patient: F.sofiaGarcia, billing: F.riverside, rendering: F.drChen)]
        case .personAsBillingProvider:
            return [F.bundle(F.claim("C1090", patient: F.janeDoe, billing: F.drOkafor, rendering: F.drOkafor),
                             patient: F.janeDoe, billing: F.drOkafor, rendering: F.drOkafor)]
        case .linePlaceOfServiceOverride:
            return [F.bundle(F.claim("C1095", patient: F.janeDoe, diagnoses: ["F41.1"],
                                     lines: [F.line(1, "99213", modifiers: ["95"], cents: 10_000, placeOfService: "10"),
                                             F.line(2, "99213", cents: 10_000, on: F.date("2025-01-17"),
                                                    placeOfService: "11")]),
                             patient: F.janeDoe)]
        case .delimitersAndAccentsInFreeText:
            var patient = F.janeDoe
            patient.firstName = "José*María"
            patient.lastName = "O'Brien~Núñez"
            patient.address = Address(line1: "12 Elm St: Apt ^4 #2", city: "Saint-Jérôme", state: "il", zip: "62702")
            var billing = F.lakeside
            billing.name = "Lakeside * Family ~ Medicine: Ü"
            return [F.bundle(F.claim("C1099", patient: patient, billing: billing), patient: patient, billing: billing)]
        case .moreThanHundredClaimsForOneSubscriber:
            return (1...105).map { n in
                F.bundle(F.claim("C2\(n)", patient: F.janeDoe, lines: [F.line(1, "99212", cents: 7_500,
                                                                              on: F.date("2024-01-01").adding(days: n))]),
                         patient: F.janeDoe)
            }
        }
    }

    var writer: Claim837PWriter { Claim837PWriter(lineBreakAfterSegment: self != .oneLongLine) }
}

@Suite("pyx12 x12valid accepts every exported file")
struct ValidatorAcceptanceTests {
    @Test(arguments: ValidatorScenario.allCases)
    func validatorReportsOK(_ scenario: ValidatorScenario) throws {
        let text = try scenario.writer.write(scenario.bundles, envelope: Fixture.envelope)
        try X12Validator.expectAccepted(text, name: scenario.rawValue)
    }

    @Test func allScenariosTogetherInOneFileAreOK() throws {
        let unique = ValidatorScenario.allCases.filter { $0 != .replacement && $0 != .void && $0 != .oneLongLine }
        let text = try Claim837PWriter().write(unique.flatMap(\.bundles), envelope: Fixture.envelope)
        try X12Validator.expectAccepted(text, name: "everything")
    }

    @Test func theSharedMinimalExampleIsOK() throws {
        // A copy of shared/examples/min837p_005010X222A1.x12, kept with the tests.
        let example = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/min837p_005010X222A1.x12")
        let text = try String(contentsOf: example, encoding: .utf8)
        try X12Validator.expectAccepted(text, name: "shared-example")
    }
}

@Suite("the validator harness can fail")
struct ValidatorNegativeTests {
    /// Damage a good file in ways a real validator must notice.
    enum Damage: String, CaseIterable, Sendable {
        case wrongSegmentCount
        case payerLoopRemoved
        case claimWithoutDiagnoses

        func apply(to text: String) -> String {
            var lines = text.split(separator: "\n").map(String.init)
            switch self {
            case .wrongSegmentCount:
                lines = lines.map { $0.hasPrefix("SE*") ? "SE*3*0042~" : $0 }
            case .payerLoopRemoved:
                lines.removeAll { $0.hasPrefix("NM1*PR*") }
            case .claimWithoutDiagnoses:
                lines.removeAll { $0.hasPrefix("HI*") }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    @Test(arguments: Damage.allCases)
    func damagedFileIsReportedWithErrors(_ damage: Damage) throws {
        let good = try Claim837PWriter().write([Fixture.simpleBundle()], envelope: Fixture.envelope)
        let report = try X12Validator.run(damage.apply(to: good), name: damage.rawValue)
        #expect(!report.reportsOK, "x12valid accepted a damaged file:\n\(report.output)")
        #expect(!report.errorLines.isEmpty)
        #expect(report.output.contains("Failure"))
    }
}
