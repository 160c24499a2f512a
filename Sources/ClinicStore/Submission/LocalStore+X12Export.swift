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
            let claims = try X12ExportPlan.claims(try keys.map { try Self.fetchClaim(db, key: $0) })
            var checks: [ClaimCheck] = []
            for (index, claim) in claims.enumerated() {
                checks.append(ClaimCheck(claim: claim, findings: try Self.scrub(db, claim, today: today)))
                progress?(index + 1, claims.count)
            }
            if let refusal = X12ExportPlan.refusal(checks) { throw refusal }
            return try X12ExportPlan.export(try claims.map { try Self.bundle(db, for: $0) },
                                            settings: try Self.loadExportSettings(db),
                                            controlNumbers: try ControlNumbers.reserveNext(db), createdAtMillis: millis)
        }
    }

    /// The records the 837P needs for one claim: patient, subscriber, payer and providers.
    static func bundle(_ db: Database, for claim: Claim) throws -> X12ClaimBundle {
        try X12ExportPlan.bundle(
            for: claim, patient: { try fetchPatient(db, id: $0) }, payer: { try fetchPayer(db, key: $0) },
            provider: { npi in
                try ProviderRecord.filter(ProviderRecord.Columns.npi == npi).filter(ProviderRecord.Columns.deleted == 0)
                    .fetchOne(db)?.provider
            })
    }
}
