import BillingModel
import ClaimExport

/// The steps of `export x12` that are rules, once for every store that exports (a clinic's,
/// the central office's on SQLite and on PostgreSQL): which claims go, the scrubber gate, the
/// records each claim needs and the interchange. The stores fetch, scrub and reserve control
/// numbers in their own transaction, and feed these.
public enum X12ExportPlan {
    /// The claims named, each once in the order named; a voided or replaced claim refuses the
    /// export (`StoreError.notAllowed`: export the claim that superseded it).
    public static func claims(_ found: [Claim]) throws -> [Claim] {
        var claims: [Claim] = []
        for claim in found where !claims.contains(where: { $0.id == claim.id }) {
            guard !claim.lifecycle.isTerminal else {
                throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber,
                                            reason: "is \(claim.lifecycle.stage.name); export the claim that superseded it")
            }
            claims.append(claim)
        }
        return claims
    }

    /// The refusal of an export whose checks found errors, naming every such claim; `nil` when all are clean.
    public static func refusal(_ checks: [ClaimCheck]) -> ClaimRefusal? {
        let refused = checks.filter(\.hasErrors)
        return refused.isEmpty ? nil : ClaimRefusal(action: .export, claims: refused)
    }

    /// The records the 837P needs for one claim: patient, subscriber (the patient when none),
    /// payer and providers, looked up by the given functions (`provider` answers `nil` for an
    /// NPI that is not a registered provider, refused with how to add it).
    public static func bundle(for claim: Claim, patient: (String) throws -> Patient, payer: (String) throws -> Payer,
                              provider: (String) throws -> Provider?) throws -> X12ClaimBundle {
        let insured = try patient(claim.patientID)
        let subscriber = try insured.subscriberID.map(patient) ?? insured
        func registered(_ npi: String, role: String) throws -> Provider {
            guard let found = try provider(npi) else {
                throw StoreError.invalid(entity: "claim \(claim.claimNumber)", field: role,
                                         reason: "NPI \(npi) is not a registered provider; add it with `clinicsync provider add` "
                                             + "(the 837P needs its name, address and tax id)")
            }
            return found
        }
        let billing = try registered(claim.billingNPI, role: "billing_npi")
        var rendering: Provider?
        if let npi = claim.renderingNPI, !npi.isEmpty {
            rendering = npi == billing.npi ? billing : try registered(npi, role: "rendering_npi")
        }
        return X12ClaimBundle(claim: claim, patient: insured, subscriber: subscriber, payer: try payer(claim.payerID),
                              billingProvider: billing, renderingProvider: rendering)
    }

    /// The interchange of `bundles` (at least one) under `settings`' envelope with the reserved numbers.
    public static func export(_ bundles: [X12ClaimBundle], settings: ExportSettings, controlNumbers: ControlNumbers,
                              createdAtMillis: Int64) throws -> X12Export {
        guard let first = bundles.first else {
            throw StoreError.invalid(entity: "export", field: "claims", reason: "name at least one claim")
        }
        let envelope = try settings.envelope(billingProvider: first.billingProvider, payer: first.payer,
                                             controlNumbers: controlNumbers, createdAtMillis: createdAtMillis)
        let text = try Claim837PWriter().write(bundles, envelope: envelope)
        return X12Export(text: text, claims: bundles.map(\.claim), envelope: envelope)
    }
}
