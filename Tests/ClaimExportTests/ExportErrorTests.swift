import Foundation
import BillingModel
import ClaimExport
import Testing

@Suite("missing or unusable data throws a typed error without PHI")
struct ExportErrorTests {
    typealias F = Fixture

    /// A way to spoil the simple bundle, and the error it must cause.
    struct Spoil: Sendable, CustomTestStringConvertible {
        let name: String
        let change: @Sendable (inout X12ClaimBundle) -> Void
        let expected: ClaimExportError
        var testDescription: String { name }
    }

    static let spoils: [Spoil] = [
        Spoil(name: "billing provider without address", change: { $0.billingProvider.address = nil },
              expected: .missing(claimNumber: "C1001", field: .billingProviderAddress)),
        Spoil(name: "billing provider with a five-digit ZIP", change: { $0.billingProvider.address?.zip = "62701" },
              expected: .invalid(claimNumber: "C1001", field: .billingProviderAddress, reason: "needs a nine-digit ZIP code (ZIP+4)")),
        Spoil(name: "billing provider at a PO box", change: { $0.billingProvider.address?.line1 = "P.O. Box 1042" },
              expected: .invalid(claimNumber: "C1001", field: .billingProviderAddress, reason: "must be a street address, not a PO box")),
        Spoil(name: "billing provider without tax id", change: { $0.billingProvider.taxID = nil },
              expected: .missing(claimNumber: "C1001", field: .billingProviderTaxID)),
        Spoil(name: "billing NPI with a bad check digit", change: {
            $0.billingProvider.npi = "1234567890"; $0.claim.billingNPI = "1234567890"
        }, expected: .invalid(claimNumber: "C1001", field: .billingProvider, reason: "fails the NPI check digit")),
        Spoil(name: "replacement without payer claim number", change: { $0.claim.frequency = .replacement },
              expected: .missing(claimNumber: "C1001", field: .payerClaimNumber)),
        Spoil(name: "void without payer claim number", change: { $0.claim.frequency = .void },
              expected: .missing(claimNumber: "C1001", field: .payerClaimNumber)),
        Spoil(name: "no diagnoses", change: { $0.claim.diagnoses = [] },
              expected: .missing(claimNumber: "C1001", field: .diagnoses)),
        Spoil(name: "thirteen diagnoses", change: { $0.claim.diagnoses = Array(repeating: "I10", count: 13) },
              expected: .invalid(claimNumber: "C1001", field: .diagnoses, reason: "has 13 codes; the 837P allows at most 12")),
        Spoil(name: "no lines", change: { $0.claim.lines = []; $0.claim.totalChargeCents = 0 },
              expected: .missing(claimNumber: "C1001", field: .serviceLines)),
        Spoil(name: "fifty-one lines", change: {
            $0.claim.lines = (1...51).map { F.line($0, "97110", cents: 100) }; $0.claim.totalChargeCents = 5_100
        }, expected: .invalid(claimNumber: "C1001", field: .serviceLines, reason: "has 51 lines; an 837P claim allows at most 50")),
        Spoil(name: "total differs from the lines", change: { $0.claim.totalChargeCents += 1 },
              expected: .invalid(claimNumber: "C1001", field: .totalCharge, reason: "does not equal the sum of the line charges")),
        Spoil(name: "pointer past the diagnoses", change: { $0.claim.lines[1].diagnosisPointers = [3] },
              expected: .invalid(claimNumber: "C1001", field: .serviceLine(2, .diagnosisPointers),
                                 reason: "must be one to four distinct pointers to the claim's diagnoses")),
        Spoil(name: "five modifiers", change: { $0.claim.lines[0].modifiers = ["25", "59", "GP", "KX", "RT"] },
              expected: .invalid(claimNumber: "C1001", field: .serviceLine(1, .modifiers), reason: "has more than four modifiers")),
        Spoil(name: "zero units", change: { $0.claim.lines[0].units = 0 },
              expected: .invalid(claimNumber: "C1001", field: .serviceLine(1, .units), reason: "is not a positive number")),
        Spoil(name: "date range that ends before it starts", change: {
            $0.claim.lines[0].serviceDateTo = F.date("2025-01-09")
        }, expected: .invalid(claimNumber: "C1001", field: .serviceLine(1, .serviceDates), reason: "end before they start")),
        Spoil(name: "self-insured subscriber without address", change: {
            $0.patient.address = nil; $0.subscriber.address = nil
        }, expected: .missing(claimNumber: "C1001", field: .subscriberAddress)),
        Spoil(name: "member id with a delimiter", change: { $0.patient.memberID = "W12*34"; $0.subscriber.memberID = "W12*34" },
              expected: .invalid(claimNumber: "C1001", field: .subscriberMemberID,
                                 reason: "contains characters X12 cannot carry (delimiters or non-ASCII)")),
        Spoil(name: "unknown filing indicator", change: { $0.payer.filingIndicator = "XX" },
              expected: .invalid(claimNumber: "C1001", field: .filingIndicator, reason: "is not a 5010 claim filing indicator code")),
        Spoil(name: "another payer's record", change: { $0.payer = F.medicare },
              expected: .invalid(claimNumber: "C1001", field: .payer, reason: "is not the claim's payer")),
        Spoil(name: "rendering NPI without its provider record", change: { $0.claim.renderingNPI = F.drOkafor.npi },
              expected: .missing(claimNumber: "C1001", field: .renderingProvider)),
        Spoil(name: "claim number with a delimiter", change: { $0.claim.claimNumber = "C1001~" },
              expected: .invalid(claimNumber: "C1001~", field: .claimNumber,
                                 reason: "contains characters X12 cannot carry (delimiters or non-ASCII)")),
    ]

    @Test(arguments: spoils)
    func spoiledClaimThrowsTheNamedError(_ spoil: Spoil) {
        var bundle = F.simpleBundle("C1001")
        spoil.change(&bundle)
        #expect(throws: spoil.expected) { try Claim837PWriter().write([bundle], envelope: F.envelope) }
    }

    @Test(arguments: spoils)
    func messageNamesClaimAndFieldButNoPHI(_ spoil: Spoil) {
        let message = spoil.expected.description
        #expect(message.hasPrefix("claim C1001"))
        let phi = [F.janeDoe.firstName, F.janeDoe.memberID, "19800101", "1980-01-01", "200 Oak", "Springfield", "62702"]
        for value in phi { #expect(!message.localizedCaseInsensitiveContains(value)) }
        let words = message.lowercased().split { !$0.isLetter }
        #expect(!words.contains(Substring(F.janeDoe.lastName.lowercased())))
    }

    @Test func dependentNeedsRelationshipAndAddress() {
        var sofia = F.sofiaGarcia
        sofia.relationship = nil
        let noRelationship = F.bundle(F.claim("R-1", patient: sofia, billing: F.riverside), patient: sofia, billing: F.riverside)
        #expect(throws: ClaimExportError.missing(claimNumber: "R-1", field: .patientRelationship)) {
            try Claim837PWriter().write([noRelationship], envelope: F.envelope)
        }
        sofia = F.sofiaGarcia
        sofia.address = nil
        let noAddress = F.bundle(F.claim("R-2", patient: sofia, billing: F.riverside), patient: sofia, billing: F.riverside)
        #expect(throws: ClaimExportError.missing(claimNumber: "R-2", field: .patientAddress)) {
            try Claim837PWriter().write([noAddress], envelope: F.envelope)
        }
    }

    @Test func theFirstBadClaimInInputOrderIsReported() {
        var bad = F.simpleBundle("C1002")
        bad.billingProvider.taxID = nil
        var worse = F.simpleBundle("C1003")
        worse.claim.diagnoses = []
        #expect(throws: ClaimExportError.missing(claimNumber: "C1002", field: .billingProviderTaxID)) {
            try Claim837PWriter().write([F.simpleBundle("C1001"), bad, worse], envelope: F.envelope)
        }
    }

    @Test(arguments: ["1 Tempo Boxwood Rd", "200 Post Office Rd", "12 Pobox Ln"])
    func streetsThatOnlyLookLikeBoxesAreAccepted(_ street: String) throws {
        var bundle = F.simpleBundle()
        bundle.billingProvider.address?.line1 = street
        _ = try Claim837PWriter().write([bundle], envelope: F.envelope)
    }

    @Test func noClaimsIsAnError() {
        #expect(throws: ClaimExportError.noClaims) { try Claim837PWriter().write([], envelope: F.envelope) }
    }

    @Test(arguments: [0, -1, 1_000_000_000])
    func controlNumbersOutOfRangeAreRefused(_ number: Int) {
        var envelope = F.envelope
        envelope.interchangeControlNumber = number
        #expect(throws: ClaimExportError.invalidEnvelope(field: .interchangeControlNumber, reason: "must be between 1 and 999999999")) {
            try Claim837PWriter().write([F.simpleBundle()], envelope: envelope)
        }
    }

    @Test func submitterIDLongerThanTheISAFieldIsRefused() {
        var envelope = F.envelope
        envelope.submitter.id = "SUBMITTER-ID-TOO-LONG"
        #expect(throws: ClaimExportError.invalidEnvelope(field: .submitterID, reason: "is longer than 15 characters")) {
            try Claim837PWriter().write([F.simpleBundle()], envelope: envelope)
        }
    }

    @Test func errorMessagesReadAsOneLine() {
        let error = ClaimExportError.missing(claimNumber: "C1001", field: .billingProviderAddress)
        #expect(error.description == "claim C1001: billing provider address (2010AA N3/N4) is missing")
        let line = ClaimExportError.invalid(claimNumber: "C7", field: .serviceLine(3, .units), reason: "is not a positive number")
        #expect(line.description == "claim C7: line 3 units (SV104) is not a positive number")
    }
}
