import BillingModel
import GRDB

extension LocalStore {
    /// Submits a claim: the scrubber runs first and any error refuses the submission with
    /// a ``ClaimRefusal`` carrying the findings, changing nothing. Otherwise the claim moves
    /// to `submitted` (a rejected claim starts its next round) and its coding is frozen.
    public func submitClaim(_ key: String, author: String? = nil) throws -> Claim {
        let today = self.today
        return try write(author: author) { db in
            let current = try Self.fetchClaim(db, key: key)
            _ = try OfficeRules.submittedLifecycle(of: current)
            let claim = try OfficeRules.submitted(current, findings: try Self.scrub(db, current, today: today))
            try ClaimRecord(claim).update(db)
            return claim
        }
    }

    /// Voids a submitted claim at the payer: creates a frequency-8 claim with the same claim
    /// number (CLM01), a copy of the coding and the payer's claim control number, and marks
    /// the original `voided`. Submit the void claim to send it.
    ///
    /// - Parameter payerClaimNumber: the payer's claim control number (REF*F8); by default
    ///   the original's `payer_claim_number`. One of the two is required.
    public func voidClaim(_ key: String, payerClaimNumber: String? = nil, author: String? = nil) throws -> Claim {
        try supersede(key, with: .void, payerClaimNumber: payerClaimNumber, author: author)
    }

    /// Replaces a submitted claim: creates a frequency-7 claim with the same claim number
    /// (CLM01), a copy of the coding and the payer's claim control number, editable until it
    /// is submitted; the original becomes `replaced` and stays frozen.
    ///
    /// - Parameter payerClaimNumber: as for ``voidClaim(_:payerClaimNumber:author:)``.
    public func replaceClaim(_ key: String, payerClaimNumber: String? = nil, author: String? = nil) throws -> Claim {
        try supersede(key, with: .replacement, payerClaimNumber: payerClaimNumber, author: author)
    }

    private func supersede(_ key: String, with frequency: ClaimFrequency, payerClaimNumber: String?,
                           author: String?) throws -> Claim {
        let given = try payerClaimNumber.flatMap { $0.isEmpty ? nil : $0 }
            .map { try FieldCheck.identifier($0, entity: "claim", field: "payer_claim_number", maxLength: 50) }
        let action = frequency == .void ? "void" : "replace"
        return try write(author: author) { db in
            var original = try Self.fetchClaim(db, key: key)
            let stage = original.lifecycle.stage
            guard !original.lifecycle.isTerminal else {
                throw StoreError.notAllowed(entity: "claim", id: original.claimNumber,
                                            reason: "is already \(stage.name); \(action) the claim that superseded it")
            }
            guard stage.rawValue >= ClaimLifecycle.Stage.submitted.rawValue else {
                throw StoreError.notAllowed(entity: "claim", id: original.claimNumber,
                                            reason: "is \(stage.name) and was never sent to the payer; edit it instead of using \(action)")
            }
            let known = original.payerClaimNumber.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            guard let controlNumber = given ?? known else {
                throw StoreError.invalid(
                    entity: "claim \(original.claimNumber)", field: "payer_claim_number",
                    reason: "to \(action) it, give the payer's claim control number (--payer-claim-number N, "
                        + "or `clinicsync claim set \(original.claimNumber) payer_claim_number N`)")
            }
            if known == nil { original.payerClaimNumber = controlNumber }
            original.lifecycle = ClaimLifecycle(round: original.lifecycle.round,
                                                stage: frequency == .void ? .voided : .replaced)
            try ClaimRecord(original).update(db)

            let successorID = self.newID()
            let lines = original.lines.map { line in
                var copy = line
                copy.id = self.newID()
                copy.claimID = successorID
                return copy
            }
            let successor = Claim(
                id: successorID, clinicID: original.clinicID, claimNumber: original.claimNumber,
                patientID: original.patientID, payerID: original.payerID, billingNPI: original.billingNPI,
                renderingNPI: original.renderingNPI, placeOfService: original.placeOfService,
                diagnoses: original.diagnoses, frequency: frequency, payerClaimNumber: controlNumber,
                lifecycle: ClaimLifecycle(round: 1, stage: lines.isEmpty || original.diagnoses.isEmpty ? .draft : .coded),
                totalChargeCents: original.lineChargeTotalCents, originalClaimID: original.id, lines: lines)
            try ClaimRecord(successor).insert(db)
            for line in lines { try ServiceLineRecord(line, owner: successor.clinicID).insert(db) }
            return successor
        }
    }
}
