import BillingModel
import ClaimExport
import GRDB

extension LocalStore {
    /// Writes claims (ids or claim numbers) as one X12 837P 005010X222A1 interchange.
    ///
    /// Every claim is scrubbed first: any with errors refuses the whole export with a
    /// ``ClaimRefusal`` naming them. Voided or replaced claims are refused too (export the
    /// claim that superseded them). The envelope comes from ``exportSettings()`` and the
    /// next control numbers, which are stored in the same transaction, so they never repeat;
    /// a refused export uses none. The claims' status does not change: `claim submit`
    /// records the submission.
    ///
    /// - Throws: ``ClaimRefusal``, ``StoreError`` (unknown claim, unregistered provider,
    ///   missing settings) or ``ClaimExport/ClaimExportError`` (data the 837P needs).
    /// `progress` hears how many of the claims have been checked (`done`, `total`).
    public func exportX12(_ keys: [String], author: String? = nil,
                          progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> X12Export {
        guard !keys.isEmpty else {
            throw StoreError.invalid(entity: "export", field: "claims", reason: "name at least one claim")
        }
        let today = self.today
        let millis = clock.nowMillis()
        return try write(author: author) { db in
            var claims: [Claim] = []
            for key in keys {
                let claim = try Self.fetchClaim(db, key: key)
                guard !claims.contains(where: { $0.id == claim.id }) else { continue }
                guard !claim.lifecycle.isTerminal else {
                    throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber,
                                                reason: "is \(claim.lifecycle.stage.name); export the claim that superseded it")
                }
                claims.append(claim)
            }
            var refused: [ClaimCheck] = []
            for (index, claim) in claims.enumerated() {
                let check = ClaimCheck(claim: claim, findings: try Self.scrub(db, claim, today: today))
                if check.hasErrors { refused.append(check) }
                progress?(index + 1, claims.count)
            }
            guard refused.isEmpty else { throw ClaimRefusal(action: .export, claims: refused) }

            let bundles = try claims.map { try Self.bundle(db, for: $0) }
            let settings = try Self.loadExportSettings(db)
            let envelope = try settings.envelope(billingProvider: bundles[0].billingProvider, payer: bundles[0].payer,
                                                 controlNumbers: try ControlNumbers.reserveNext(db),
                                                 createdAtMillis: millis)
            let text = try Claim837PWriter().write(bundles, envelope: envelope)
            return X12Export(text: text, claims: claims, envelope: envelope)
        }
    }

    /// The records the 837P needs for one claim: patient, subscriber, payer and providers.
    static func bundle(_ db: Database, for claim: Claim) throws -> X12ClaimBundle {
        let patient = try fetchPatient(db, id: claim.patientID)
        let subscriber = try patient.subscriberID.map { try fetchPatient(db, id: $0) } ?? patient
        let payer = try fetchPayer(db, key: claim.payerID)
        let billing = try registeredProvider(db, npi: claim.billingNPI, role: "billing_npi", claim: claim)
        var rendering: Provider?
        if let npi = claim.renderingNPI, !npi.isEmpty {
            rendering = npi == billing.npi ? billing : try registeredProvider(db, npi: npi, role: "rendering_npi", claim: claim)
        }
        return X12ClaimBundle(claim: claim, patient: patient, subscriber: subscriber, payer: payer,
                              billingProvider: billing, renderingProvider: rendering)
    }

    private static func registeredProvider(_ db: Database, npi: String, role: String, claim: Claim) throws -> Provider {
        guard let record = try ProviderRecord.filter(ProviderRecord.Columns.npi == npi)
            .filter(ProviderRecord.Columns.deleted == 0).fetchOne(db) else {
            throw StoreError.invalid(entity: "claim \(claim.claimNumber)", field: role,
                                     reason: "NPI \(npi) is not a registered provider; add it with `clinicsync provider add` "
                                         + "(the 837P needs its name, address and tax id)")
        }
        return record.provider
    }
}
