import Foundation
import BillingModel

/// One claim's segments, split by the hierarchical level they belong to, so that claims
/// with the same billing provider, subscriber or patient can share that level's loop.
///
/// Built in input order, so the first claim with a problem is the one an error names.
struct ClaimSections {
    /// 2000A body after the HL: PRV (when a taxonomy is kept) and loop 2010AA.
    let billing: [X12Segment]
    /// 2000B body after the HL: SBR, loops 2010BA and 2010BB.
    let subscriber: [X12Segment]
    /// 2000C body after the HL (PAT, loop 2010CA), or `nil` when the patient is the subscriber.
    let patient: [X12Segment]?
    /// Loop 2300 with its 2310B and 2400 loops.
    let claim: [X12Segment]

    /// PAT01 codes the 837P allows for a dependent patient.
    static let patientRelationshipCodes: Set<String> = ["01", "19", "20", "21", "39", "40", "53", "G8"]

    init(_ bundle: X12ClaimBundle) throws {
        let context = ClaimContext(claim: bundle.claim)
        try Self.checkRecordsBelongTogether(bundle, context)
        billing = try Self.billingSegments(bundle, context)
        subscriber = try Self.subscriberSegments(bundle, context)
        patient = bundle.patientIsSubscriber ? nil : try Self.patientSegments(bundle, context)
        claim = try ClaimSegments(bundle: bundle, context: context).segments()
    }

    /// Refuses bundles whose records are not the claim's own (a wrong payer or patient).
    private static func checkRecordsBelongTogether(_ bundle: X12ClaimBundle, _ context: ClaimContext) throws {
        let claim = bundle.claim
        guard bundle.patient.id == claim.patientID else { throw context.invalid(.patient, "is not the claim's patient") }
        guard bundle.payer.id == claim.payerID else { throw context.invalid(.payer, "is not the claim's payer") }
        guard bundle.billingProvider.npi == claim.billingNPI else {
            throw context.invalid(.billingProvider, "does not match the claim's billing NPI")
        }
        if bundle.patientIsSubscriber {
            guard bundle.subscriber.id == bundle.patient.id else {
                throw context.invalid(.subscriber, "is not the patient, who is their own subscriber")
            }
        } else if bundle.subscriber.id != bundle.patient.subscriberID {
            throw context.invalid(.subscriber, "is not the patient's subscriber")
        }
        if let renderingNPI = claim.renderingNPI, !renderingNPI.isEmpty {
            guard let rendering = bundle.renderingProvider else { throw context.missing(.renderingProvider) }
            guard rendering.npi == renderingNPI else {
                throw context.invalid(.renderingProvider, "does not match the claim's rendering NPI")
            }
        }
    }

    private static func billingSegments(_ bundle: X12ClaimBundle, _ context: ClaimContext) throws -> [X12Segment] {
        let provider = bundle.billingProvider
        var segments: [X12Segment] = []
        if let taxonomy = try context.taxonomy(provider.taxonomy, field: .billingProviderTaxonomy) {
            segments.append(X12Segment("PRV", "BI", "PXC", taxonomy))
        }
        let npi = try context.npi(provider.npi, field: .billingProvider)
        segments.append(try context.providerName(entity: "85", provider: provider, npi: npi, field: .billingProviderName))
        segments += try context.addressSegments(provider.address, field: .billingProviderAddress, streetAddress: true)
        guard let rawTaxID = provider.taxID, !rawTaxID.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw context.missing(.billingProviderTaxID)
        }
        let taxID = X12Text.digits(rawTaxID)
        guard taxID.count == 9, rawTaxID.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == " " }) else {
            throw context.invalid(.billingProviderTaxID, "is not a nine-digit EIN")
        }
        segments.append(X12Segment("REF", "EI", taxID))
        return segments
    }

    private static func subscriberSegments(_ bundle: X12ClaimBundle, _ context: ClaimContext) throws -> [X12Segment] {
        let subscriber = bundle.subscriber
        let payer = bundle.payer
        let filing = payer.filingIndicator.trimmingCharacters(in: .whitespaces).uppercased()
        guard !filing.isEmpty else { throw context.missing(.filingIndicator) }
        guard Payer.filingIndicators.contains(filing) else {
            throw context.invalid(.filingIndicator, "is not a 5010 claim filing indicator code")
        }
        let isSelf = bundle.patientIsSubscriber
        var segments = [X12Segment("SBR", "P", isSelf ? "18" : "", "", "", "", "", "", "", filing)]
        let memberID = try context.identifier(subscriber.memberID, maxLength: 80, field: .subscriberMemberID)
        segments.append(try context.personName(entity: "IL", last: subscriber.lastName, first: subscriber.firstName,
                                               field: .subscriberName, qualifier: "MI", id: memberID))
        if isSelf {
            segments += try context.addressSegments(subscriber.address, field: .subscriberAddress)
            segments.append(context.demographics(subscriber))
        } else if subscriber.address != nil {
            segments += try context.addressSegments(subscriber.address, field: .subscriberAddress)
        }
        let payerName = try context.text(payer.name, maxLength: 60, field: .payerName)
        let payerID = try context.identifier(payer.payerID, maxLength: 80, field: .payerID)
        segments.append(X12Segment("NM1", "PR", "2", payerName, "", "", "", "", "PI", payerID))
        return segments
    }

    private static func patientSegments(_ bundle: X12ClaimBundle, _ context: ClaimContext) throws -> [X12Segment] {
        let patient = bundle.patient
        let relationship = (patient.relationship ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !relationship.isEmpty else { throw context.missing(.patientRelationship) }
        guard patientRelationshipCodes.contains(relationship) else {
            throw context.invalid(.patientRelationship, "is not a PAT01 code (01, 19, 20, 21, 39, 40, 53, G8)")
        }
        var segments = [X12Segment("PAT", relationship)]
        segments.append(try context.personName(entity: "QC", last: patient.lastName, first: patient.firstName,
                                               field: .patientName))
        segments += try context.addressSegments(patient.address, field: .patientAddress)
        segments.append(context.demographics(patient))
        return segments
    }
}
