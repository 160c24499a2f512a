import Foundation
import BillingModel

/// Loop 2300 (claim), 2310B (rendering provider) and the 2400 service lines of one claim.
struct ClaimSegments {
    /// The 837P allows 12 diagnoses in the HI segment and 50 service lines per claim.
    static let maximumDiagnoses = 12
    static let maximumLines = 50

    let bundle: X12ClaimBundle
    let context: ClaimContext

    func segments() throws -> [X12Segment] {
        let claim = bundle.claim
        let claimNumber = try context.identifier(claim.claimNumber, maxLength: 38, field: .claimNumber)
        let placeOfService = claim.placeOfService.trimmingCharacters(in: .whitespaces)
        guard !placeOfService.isEmpty else { throw context.missing(.placeOfService) }
        guard ShortCode.isPlaceOfService(placeOfService) else {
            throw context.invalid(.placeOfService, "is not a two-digit place of service code")
        }
        guard !claim.lines.isEmpty else { throw context.missing(.serviceLines) }
        guard claim.lines.count <= Self.maximumLines else {
            throw context.invalid(.serviceLines, "has \(claim.lines.count) lines; an 837P claim allows at most \(Self.maximumLines)")
        }
        guard claim.totalChargeCents >= 0 else { throw context.invalid(.totalCharge, "is negative") }
        guard claim.totalChargeCents == claim.lineChargeTotalCents else {
            throw context.invalid(.totalCharge, "does not equal the sum of the line charges")
        }

        var segments = [X12Segment(
            "CLM", claimNumber, Money.x12Amount(claim.totalChargeCents), "", "",
            X12Segment.composite([placeOfService, "B", claim.frequency.rawValue]), "Y", "A", "Y", "Y"
        )]
        if claim.frequency.needsPayerClaimNumber {
            let payerClaimNumber = try context.identifier(claim.payerClaimNumber, maxLength: 50, field: .payerClaimNumber)
            segments.append(X12Segment("REF", "F8", payerClaimNumber))
        }
        let diagnoses = try diagnosisCodes()
        segments.append(healthCareDiagnoses(diagnoses))
        segments += try renderingProviderSegments()
        for (index, line) in claim.lines.sorted(by: { $0.lineNumber < $1.lineNumber }).enumerated() {
            segments += try lineSegments(line, position: index + 1, claimPlaceOfService: placeOfService,
                                         diagnosisCount: diagnoses.count)
        }
        return segments
    }

    /// The claim's diagnoses without dots, checked for shape and count.
    private func diagnosisCodes() throws -> [String] {
        let codes = bundle.claim.diagnoses.map(DiagnosisCode.normalize)
        guard !codes.isEmpty else { throw context.missing(.diagnoses) }
        guard codes.count <= Self.maximumDiagnoses else {
            throw context.invalid(.diagnoses, "has \(codes.count) codes; the 837P allows at most \(Self.maximumDiagnoses)")
        }
        guard codes.allSatisfy(DiagnosisCode.hasValidFormat) else {
            throw context.invalid(.diagnoses, "holds a code that is not in ICD-10-CM format")
        }
        return codes
    }

    /// HI: the principal diagnosis as ABK, the others as ABF, all in the one segment the
    /// 837P allows for diagnoses (HI01–HI12).
    func healthCareDiagnoses(_ codes: [String]) -> X12Segment {
        let composites = codes.enumerated().map { index, code in
            X12Segment.composite([index == 0 ? "ABK" : "ABF", code])
        }
        return X12Segment("HI", elements: composites)
    }

    /// 2310B, written only when the rendering provider is not the billing provider.
    private func renderingProviderSegments() throws -> [X12Segment] {
        guard let rendering = bundle.renderingProvider, rendering.npi != bundle.billingProvider.npi else { return [] }
        let npi = try context.npi(rendering.npi, field: .renderingProvider)
        var segments = [try context.providerName(entity: "82", provider: rendering, npi: npi, field: .renderingProviderName)]
        if let taxonomy = try context.taxonomy(rendering.taxonomy, field: .renderingProviderTaxonomy) {
            segments.append(X12Segment("PRV", "PE", "PXC", taxonomy))
        }
        return segments
    }

    /// LX, SV1 and DTP*472 for one line.
    private func lineSegments(_ line: ServiceLine, position: Int, claimPlaceOfService: String,
                              diagnosisCount: Int) throws -> [X12Segment] {
        func problem(_ field: ClaimField.LineField, _ reason: String) -> ClaimExportError {
            context.invalid(.serviceLine(line.lineNumber, field), reason)
        }
        let code = ProcedureCode.normalize(line.procedureCode)
        guard !code.isEmpty else { throw context.missing(.serviceLine(line.lineNumber, .procedureCode)) }
        guard ProcedureCodeKind(code: code) != nil else { throw problem(.procedureCode, "is not a CPT or HCPCS code") }
        let modifiers = line.modifiers.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        guard modifiers.count <= 4 else { throw problem(.modifiers, "has more than four modifiers") }
        guard modifiers.allSatisfy(ShortCode.isModifier) else { throw problem(.modifiers, "holds a code that is not two letters or digits") }
        guard line.chargeCents >= 0 else { throw problem(.charge, "is negative") }
        guard line.units > 0 else { throw problem(.units, "is not a positive number") }

        var linePlace = ""
        if let override = line.placeOfService?.trimmingCharacters(in: .whitespaces), !override.isEmpty,
           override != claimPlaceOfService {
            guard ShortCode.isPlaceOfService(override) else { throw problem(.placeOfService, "is not a two-digit code") }
            linePlace = override
        }

        let pointers = line.diagnosisPointers
        guard !pointers.isEmpty else { throw context.missing(.serviceLine(line.lineNumber, .diagnosisPointers)) }
        guard pointers.count <= 4, Set(pointers).count == pointers.count,
              pointers.allSatisfy({ (1...diagnosisCount).contains($0) }) else {
            throw problem(.diagnosisPointers, "must be one to four distinct pointers to the claim's diagnoses")
        }

        let date: X12Segment
        if let last = line.serviceDateTo, last != line.serviceDate {
            guard last > line.serviceDate else { throw problem(.serviceDates, "end before they start") }
            date = X12Segment("DTP", "472", "RD8", line.serviceDate.compactString + "-" + last.compactString)
        } else {
            date = X12Segment("DTP", "472", "D8", line.serviceDate.compactString)
        }

        return [
            X12Segment("LX", String(position)),
            X12Segment("SV1", X12Segment.composite(["HC", code] + modifiers), Money.x12Amount(line.chargeCents),
                       "UN", String(line.units), linePlace, "", X12Segment.composite(pointers.map(String.init))),
            date,
        ]
    }
}
