import BillingModel
import GRDB

extension LocalStore {
    /// Enters many complete claims — header and lines — in one transaction: a day's
    /// encounters from a practice management export, or a backlog keyed elsewhere.
    ///
    /// Each claim is checked as ``newClaim(_:author:)`` and ``addLine(claim:_:author:)`` check
    /// it, and saved as they would leave it: lines numbered from 1, the total equal to their
    /// sum, a claim with lines and diagnoses `coded`. Any refusal refuses the whole batch and
    /// names the claim (and line) by its position. Every row goes through the capture
    /// triggers in this same transaction, like any other write; the rows are written with
    /// prepared statements, once each (no insert-then-update of the claim total).
    ///
    /// - Returns: the claims as saved, in the order given.
    public func enterClaims(_ entries: [ClaimEntry], author: String? = nil) throws -> [Claim] {
        var prepared: [Claim] = []
        prepared.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            prepared.append(try Self.relabel(claimAt: index) { try checkedClaim(entry) })
        }
        let claims = prepared
        return try write(author: author) { db in
            let insertClaim = try db.cachedStatement(sql: Self.bulkClaimInsert)
            let insertLine = try db.cachedStatement(sql: Self.bulkLineInsert)
            var patients: [String: Patient] = [:]
            var payers: [String: Payer] = [:]
            var saved: [Claim] = []
            saved.reserveCapacity(claims.count)
            for (index, draft) in claims.enumerated() {
                var claim = draft
                try Self.relabel(claimAt: index) {
                    let patient = try patients[claim.patientID] ?? Self.fetchPatient(db, id: claim.patientID)
                    patients[claim.patientID] = patient
                    claim.clinicID = self.identity.owner == Self.centralOwner ? patient.clinicID : self.identity.owner
                    let payerKey = claim.clinicID + "\u{1F}" + claim.payerID
                    let payer = try payers[payerKey] ?? Self.fetchPayer(db, key: claim.payerID, for: claim.clinicID)
                    payers[payerKey] = payer
                    claim.patientID = patient.id
                    claim.payerID = payer.id
                }
                try StatementBinding.execute(insertClaim, [
                    claim.id.databaseValue, claim.clinicID.databaseValue, claim.claimNumber.databaseValue,
                    claim.patientID.databaseValue, claim.payerID.databaseValue, claim.billingNPI.databaseValue,
                    claim.renderingNPI.databaseValue, claim.placeOfService.databaseValue,
                    claim.diagnoses.joined(separator: ",").databaseValue, claim.frequency.rawValue.databaseValue,
                    claim.lifecycle.rank.databaseValue, claim.totalChargeCents.databaseValue, claim.notes.databaseValue,
                ], in: db)
                for line in claim.lines {
                    try StatementBinding.execute(insertLine, [
                        line.id.databaseValue, claim.clinicID.databaseValue, claim.id.databaseValue,
                        line.lineNumber.databaseValue, line.procedureCode.databaseValue,
                        line.modifiers.joined(separator: ",").databaseValue, line.units.databaseValue,
                        line.chargeCents.databaseValue, line.serviceDate.description.databaseValue,
                        line.serviceDateTo?.description.databaseValue ?? .null,
                        line.diagnosisPointers.map(String.init).joined(separator: ",").databaseValue,
                        line.placeOfService?.databaseValue ?? .null,
                    ], in: db)
                }
                saved.append(claim)
            }
            return saved
        }
    }

    /// The bulk claim insert: every column of `claim` (the catalogue's, checked by a test), so
    /// the capture trigger logs the whole row.
    static let bulkClaimInsert = """
        INSERT INTO claim (id, owner, claim_number, patient_id, payer_id, billing_npi, rendering_npi, pos,
                           diagnoses, frequency, payer_claim_number, lifecycle, total_charge_cents, notes,
                           original_claim_id, deleted)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, 0)
        """
    /// The bulk line insert: every column of `service_line` (the catalogue's, checked by a test).
    static let bulkLineInsert = """
        INSERT INTO service_line (id, owner, claim_id, line_number, procedure_code, modifiers, units,
                                  charge_cents, service_date, service_date_to, dx_pointers, pos, deleted)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
        """

    /// One entry checked as the single-claim API checks it, with fresh ids; patient and payer
    /// are resolved in the transaction.
    private func checkedClaim(_ entry: ClaimEntry) throws -> Claim {
        let input = entry.claim
        let diagnoses = try ClaimEntryCheck.diagnoses(input.diagnoses)
        let billing = try ClaimEntryCheck.npi(input.billingNPI, field: "billing_npi")
        let rendering = try input.renderingNPI.map { try ClaimEntryCheck.npi($0, field: "rendering_npi") }
        let pos = try ClaimEntryCheck.pos(input.placeOfService, entity: "claim")
        guard input.notes.count <= 2000 else {
            throw StoreError.invalid(entity: "claim", field: "notes", reason: "longer than 2000 characters")
        }
        guard entry.lines.count <= 50 else {
            throw StoreError.invalid(entity: "claim", field: "lines", reason: "more than 50 lines, the most a claim takes")
        }
        let id = newID()
        var claim = Claim(id: id, clinicID: identity.owner, claimNumber: "C" + ids.hex(count: 9).uppercased(),
                          patientID: input.patientID, payerID: input.payer, billingNPI: billing,
                          renderingNPI: rendering, placeOfService: pos, diagnoses: diagnoses, notes: input.notes)
        for (index, line) in entry.lines.enumerated() {
            claim.lines.append(try Self.relabel(lineAt: index) {
                try checkedLine(line, claimID: id, number: index + 1)
            })
        }
        claim.totalChargeCents = claim.lineChargeTotalCents
        claim.lifecycle = Self.lifecycleAfterCoding(claim)
        return claim
    }

    private func checkedLine(_ input: LineInput, claimID: String, number: Int) throws -> ServiceLine {
        guard let rawCode = input.procedureCode, let units = input.units, let rawCharge = input.charge,
              let rawDate = input.serviceDate else {
            throw StoreError.invalid(entity: "service line", field: "input", reason: "give a code, units, a charge and a date")
        }
        guard units >= 0, units <= 9999 else {
            throw StoreError.invalid(entity: "service line", field: "units", reason: "must be a whole number from 0 to 9999")
        }
        return ServiceLine(
            id: newID(), claimID: claimID, lineNumber: number, procedureCode: try ClaimEntryCheck.procedure(rawCode),
            modifiers: try ClaimEntryCheck.modifiers(input.modifiers ?? []), units: units,
            chargeCents: try Self.cents(rawCharge),
            serviceDate: try FieldCheck.date(rawDate, entity: "service line", field: "date"),
            serviceDateTo: try input.serviceDateTo.map { try FieldCheck.date($0, entity: "service line", field: "date_to") },
            diagnosisPointers: try ClaimEntryCheck.pointers(input.diagnosisPointers ?? [1]),
            placeOfService: try input.placeOfService.map { try ClaimEntryCheck.pos($0, entity: "service line") })
    }

    /// Runs `body`, naming the batch position in a refusal (`claim 12 of the batch`).
    private static func relabel<T>(claimAt index: Int, _ body: () throws -> T) throws -> T {
        try relabel(prefix: "claim \(index + 1) of the batch", body)
    }

    private static func relabel<T>(lineAt index: Int, _ body: () throws -> T) throws -> T {
        try relabel(prefix: "line \(index + 1)", body)
    }

    private static func relabel<T>(prefix: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.invalid(let entity, let field, let reason) {
            throw StoreError.invalid(entity: "\(entity) (\(prefix()))", field: field, reason: reason)
        } catch StoreError.notFound(let entity, let id) {
            throw StoreError.notFound(entity: "\(entity) (\(prefix()))", id: id)
        }
    }
}
