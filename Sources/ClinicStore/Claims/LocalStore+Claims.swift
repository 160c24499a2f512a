import BillingModel
import Foundation
import GRDB

extension LocalStore {
    /// Opens a draft claim for a patient of this clinic.
    public func newClaim(_ input: ClaimInput, author: String? = nil) throws -> Claim {
        let diagnoses = try ClaimEntryCheck.diagnoses(input.diagnoses)
        let billing = try ClaimEntryCheck.npi(input.billingNPI, field: "billing_npi")
        let rendering = try input.renderingNPI.map { try ClaimEntryCheck.npi($0, field: "rendering_npi") }
        let pos = try ClaimEntryCheck.pos(input.placeOfService, entity: "claim")
        let id = newID()
        let number = "C" + ids.hex(count: 9).uppercased()
        return try write(author: author) { db in
            let patient = try Self.fetchPatient(db, id: input.patientID)
            let clinicID = self.identity.owner == Self.centralOwner ? patient.clinicID : self.identity.owner
            let payer = try Self.fetchPayer(db, key: input.payer, for: clinicID)
            let claim = Claim(id: id, clinicID: clinicID,
                              claimNumber: number, patientID: patient.id, payerID: payer.id, billingNPI: billing,
                              renderingNPI: rendering, placeOfService: pos, diagnoses: diagnoses,
                              notes: input.notes)
            try ClaimRecord(claim).insert(db)
            return claim
        }
    }

    /// A claim with its live lines, by id or by claim number.
    public func claim(_ key: String) throws -> Claim {
        try read { db in try Self.fetchClaim(db, key: key) }
    }

    /// Claims, newest first, optionally only those in one stage.
    public func claims(stage: ClaimLifecycle.Stage? = nil, limit: Int = 500) throws -> [Claim] {
        try read { db in
            let records = try ClaimRecord.filter(ClaimRecord.Columns.deleted == 0)
                .order(ClaimRecord.Columns.id.desc).limit(limit).fetchAll(db)
            return try records.map { try $0.claim(lines: Self.fetchLines(db, claimID: $0.id)) }
                .filter { stage == nil || $0.lifecycle.stage == stage }
        }
    }

    /// Changes one claim field (see ``ClaimField``); coding fields are frozen once submitted.
    public func setClaimField(_ key: String, field: ClaimField, value: String, author: String? = nil) throws -> Claim {
        try write(author: author) { db in
            let current = try Self.fetchClaim(db, key: key)
            let claim = try ClaimEdit.applying(field, value: value, to: current) {
                try Self.fetchPayer(db, key: $0, for: current.clinicID).id
            }
            try ClaimRecord(claim).update(db)
            return claim
        }
    }

    /// Adds a service line at the end of the claim and updates the claim total.
    public func addLine(claim key: String, _ input: LineInput, author: String? = nil) throws -> ServiceLine {
        guard let rawCode = input.procedureCode, let units = input.units, let rawCharge = input.charge,
              let rawDate = input.serviceDate else {
            throw StoreError.invalid(entity: "service line", field: "input", reason: "give --code, --units, --charge and --date")
        }
        let code = try ClaimEntryCheck.procedure(rawCode)
        let modifiers = try ClaimEntryCheck.modifiers(input.modifiers ?? [])
        let charge = try Self.cents(rawCharge)
        guard units >= 0, units <= 9999 else {
            throw StoreError.invalid(entity: "service line", field: "units", reason: "must be a whole number from 0 to 9999")
        }
        let date = try FieldCheck.date(rawDate, entity: "service line", field: "date")
        let dateTo = try input.serviceDateTo.map { try FieldCheck.date($0, entity: "service line", field: "date_to") }
        let pointers = try ClaimEntryCheck.pointers(input.diagnosisPointers ?? [1])
        let pos = try input.placeOfService.map { try ClaimEntryCheck.pos($0, entity: "service line") }
        let lineID = newID()
        return try write(author: author) { db in
            var claim = try Self.fetchClaim(db, key: key)
            try Self.requireCodingAllowed(claim)
            guard claim.lines.count < 50 else {
                throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber, reason: "already has 50 lines, the most a claim takes")
            }
            let number = try Int.fetchOne(db, sql: "SELECT coalesce(max(line_number), 0) + 1 FROM service_line WHERE claim_id = ?",
                                          arguments: [claim.id]) ?? 1
            let line = ServiceLine(id: lineID, claimID: claim.id, lineNumber: number, procedureCode: code,
                                   modifiers: modifiers, units: units, chargeCents: charge, serviceDate: date,
                                   serviceDateTo: dateTo, diagnosisPointers: pointers, placeOfService: pos)
            try ServiceLineRecord(line, owner: claim.clinicID).insert(db)
            claim.lines.append(line)
            try Self.saveAfterCoding(db, claim)
            return line
        }
    }

    /// Changes fields of one line (by line number); `nil` fields keep their value.
    public func setLine(claim key: String, lineNumber: Int, _ input: LineInput, author: String? = nil) throws -> ServiceLine {
        let code = try input.procedureCode.map(ClaimEntryCheck.procedure)
        let modifiers = try input.modifiers.map(ClaimEntryCheck.modifiers)
        let charge = try input.charge.map(Self.cents)
        let date = try input.serviceDate.map { try FieldCheck.date($0, entity: "service line", field: "date") }
        let dateTo = try input.serviceDateTo.map { try FieldCheck.date($0, entity: "service line", field: "date_to") }
        let pointers = try input.diagnosisPointers.map(ClaimEntryCheck.pointers)
        let pos = try input.placeOfService.map { try ClaimEntryCheck.pos($0, entity: "service line") }
        if let units = input.units, !(0...9999).contains(units) {
            throw StoreError.invalid(entity: "service line", field: "units", reason: "must be a whole number from 0 to 9999")
        }
        return try write(author: author) { db in
            var claim = try Self.fetchClaim(db, key: key)
            try Self.requireCodingAllowed(claim)
            guard let index = claim.lines.firstIndex(where: { $0.lineNumber == lineNumber }) else {
                throw StoreError.notFound(entity: "line", id: "\(lineNumber) of claim \(claim.claimNumber)")
            }
            var line = claim.lines[index]
            if let code { line.procedureCode = code }
            if let modifiers { line.modifiers = modifiers }
            if let units = input.units { line.units = units }
            if let charge { line.chargeCents = charge }
            if let date { line.serviceDate = date }
            if let dateTo { line.serviceDateTo = dateTo }
            if let pointers { line.diagnosisPointers = pointers }
            if let pos { line.placeOfService = pos }
            try ServiceLineRecord(line, owner: claim.clinicID).update(db)
            claim.lines[index] = line
            try Self.saveAfterCoding(db, claim)
            return line
        }
    }

    /// Removes a line (a tombstone, so the removal syncs) and updates the claim total.
    public func removeLine(claim key: String, lineNumber: Int, author: String? = nil) throws -> Claim {
        try write(author: author) { db in
            var claim = try Self.fetchClaim(db, key: key)
            try Self.requireCodingAllowed(claim)
            guard let index = claim.lines.firstIndex(where: { $0.lineNumber == lineNumber }) else {
                throw StoreError.notFound(entity: "line", id: "\(lineNumber) of claim \(claim.claimNumber)")
            }
            try db.execute(sql: "UPDATE service_line SET deleted = 1 WHERE id = ?", arguments: [claim.lines[index].id])
            claim.lines.remove(at: index)
            return try Self.saveAfterCoding(db, claim)
        }
    }

    // MARK: - Shared steps

    static func fetchClaim(_ db: Database, key: String) throws -> Claim {
        let live = ClaimRecord.filter(ClaimRecord.Columns.deleted == 0)
        var record = try live.filter(key: key).fetchOne(db)
        if record == nil {
            let numbered = try live.filter(ClaimRecord.Columns.claimNumber == key.uppercased())
                .order(ClaimRecord.Columns.id.desc).fetchAll(db)
            let chosen = ClaimEdit.preferredClaim(amongNewestFirst: numbered.map { (id: $0.id, lifecycle: $0.lifecycle) })
            record = numbered.first { $0.id == chosen }
        }
        guard let record else { throw StoreError.notFound(entity: "claim", id: key) }
        return record.claim(lines: try fetchLines(db, claimID: record.id))
    }

    static func fetchLines(_ db: Database, claimID: String) throws -> [ServiceLine] {
        try ServiceLineRecord.filter(ServiceLineRecord.Columns.claimId == claimID)
            .filter(ServiceLineRecord.Columns.deleted == 0)
            .order(ServiceLineRecord.Columns.lineNumber).fetchAll(db).map(\.line)
    }

    static func requireCodingAllowed(_ claim: Claim) throws {
        if claim.frequency == .void {
            throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber,
                                        reason: "is a void claim (frequency 8); it carries the original's coding and cannot be recoded")
        }
        guard claim.lifecycle.allowsCodingEdits, !claim.lifecycle.isTerminal else {
            throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber,
                                        reason: "is \(claim.lifecycle.stage.name); its coding is frozen — use `claim replace` for a corrected claim")
        }
    }

    static func lifecycleAfterCoding(_ claim: Claim) -> ClaimLifecycle {
        var next = claim.lifecycle.afterCodingEdit()
        if next.stage == .draft, !claim.lines.isEmpty, !claim.diagnoses.isEmpty { next.stage = .coded }
        return max(next, claim.lifecycle)
    }

    /// Saves a claim after a coding edit: the total follows the lines, a draft becomes coded, and
    /// a rejected claim opens its next round. Returns the claim as saved.
    @discardableResult
    static func saveAfterCoding(_ db: Database, _ claim: Claim) throws -> Claim {
        var updated = claim
        updated.totalChargeCents = claim.lineChargeTotalCents
        updated.lifecycle = lifecycleAfterCoding(claim)
        try ClaimRecord(updated).update(db)
        return updated
    }

    static func cents(_ text: String) throws -> Int64 {
        guard let cents = Money.cents(fromDollars: text) else {
            throw StoreError.invalid(entity: "service line", field: "charge", reason: "'\(text)' is not an amount like 125.00")
        }
        return cents
    }
}
