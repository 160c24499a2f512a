import BillingModel
import SyncModel

/// The rules of `claim set CLAIM FIELD VALUE`, apart from any storage: which edits a claim in
/// its state accepts, how each value is checked, and how a coding edit moves the lifecycle.
/// `LocalStore.setClaimField` and the PostgreSQL central node both apply these, so a claim edit
/// is refused or accepted the same way whatever store holds the claim.
public enum ClaimEdit {
    /// `claim` with `field` set to `value`, or the `StoreError` that refuses the edit:
    /// coding fields are frozen once the claim is submitted (and on a void claim), a voided or
    /// replaced claim takes no edit at all, and each value must have its field's format.
    ///
    /// `payerID` turns the value given for ``ClaimField/payer`` (a payer record id or an external
    /// payer id) into the payer record's id, or throws `StoreError.notFound`; it is called only
    /// for that field, after the state checks.
    public static func applying(_ field: ClaimField, value: String, to claim: Claim,
                                payerID: (String) throws -> String) throws -> Claim {
        var claim = claim
        if field.isCoding { try LocalStore.requireCodingAllowed(claim) }
        guard !claim.lifecycle.isTerminal else {
            throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber, reason: "is \(claim.lifecycle.stage.name) and can no longer change")
        }
        switch field {
        case .notes:
            guard value.count <= 2000 else { throw StoreError.invalid(entity: "claim", field: "notes", reason: "longer than 2000 characters") }
            claim.notes = value
        case .pos: claim.placeOfService = try ClaimEntryCheck.pos(value, entity: "claim")
        case .frequency:
            guard let frequency = ClaimFrequency(rawValue: value) else {
                throw StoreError.invalid(entity: "claim", field: "frequency", reason: "must be 1 (original), 7 (replacement) or 8 (void)")
            }
            claim.frequency = frequency
        case .payerClaimNumber:
            claim.payerClaimNumber = value.isEmpty ? nil
                : try FieldCheck.identifier(value, entity: "claim", field: "payer_claim_number", maxLength: 50)
        case .diagnoses: claim.diagnoses = try ClaimEntryCheck.diagnoses([value])
        case .billingNPI: claim.billingNPI = try ClaimEntryCheck.npi(value, field: "billing_npi")
        case .renderingNPI: claim.renderingNPI = value.isEmpty ? nil : try ClaimEntryCheck.npi(value, field: "rendering_npi")
        case .payer: claim.payerID = try payerID(value)
        case .status:
            guard let stage = ClaimLifecycle.Stage(name: value) else {
                throw StoreError.invalid(entity: "claim", field: "status", reason: "'\(value)' is not a claim status")
            }
            let next = ClaimLifecycle(round: claim.lifecycle.round, stage: stage)
            guard claim.lifecycle.canMove(to: next), stage != .submitted, stage != .validated,
                  stage != .voided, stage != .replaced else {
                throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber,
                                            reason: "cannot move from \(claim.lifecycle.stage.name) to \(stage.name) (use claim check, submit, void or replace)")
            }
            claim.lifecycle = next
        }
        if field.isCoding { claim.lifecycle = LocalStore.lifecycleAfterCoding(claim) }
        return claim
    }

    /// Which of the live claims sharing one claim number (given newest first, with their
    /// lifecycle ranks) a person means by that number: a replacement or void shares the
    /// original's number, so the one still in play (not voided or replaced), else the newest.
    public static func preferredClaim(amongNewestFirst numbered: [(id: String, lifecycle: Int)]) -> String? {
        (numbered.first { !(ClaimLifecycle(rank: $0.lifecycle)?.isTerminal ?? false) } ?? numbered.first)?.id
    }

    /// The columns of the claim's `claim` row (without `id` and `deleted`), as a store writes them.
    public static func rowValues(of claim: Claim) -> [String: FieldValue] {
        let record = ClaimRecord(claim)
        return [
            "owner": .text(record.owner), "claim_number": .text(record.claimNumber), "patient_id": .text(record.patientId),
            "payer_id": .text(record.payerId), "billing_npi": .text(record.billingNpi),
            "rendering_npi": record.renderingNpi.map(FieldValue.text) ?? .null, "pos": .text(record.pos),
            "diagnoses": .text(record.diagnoses), "frequency": .text(record.frequency),
            "payer_claim_number": record.payerClaimNumber.map(FieldValue.text) ?? .null,
            "lifecycle": .integer(Int64(record.lifecycle)), "total_charge_cents": .integer(record.totalChargeCents),
            "notes": .text(record.notes), "original_claim_id": record.originalClaimId.map(FieldValue.text) ?? .null,
        ]
    }

    /// A claim from its `claim` row's columns and its live lines; `nil` when a required column
    /// is missing or has the wrong type.
    public static func claim(id: String, rowValues row: [String: FieldValue], lines: [ServiceLine]) -> Claim? {
        guard let owner = row["owner"]?.textValue, let number = row["claim_number"]?.textValue,
              let patient = row["patient_id"]?.textValue, let payer = row["payer_id"]?.textValue,
              let billing = row["billing_npi"]?.textValue, let pos = row["pos"]?.textValue,
              let diagnoses = row["diagnoses"]?.textValue, let frequency = row["frequency"]?.textValue,
              let lifecycle = row["lifecycle"]?.integerValue, let total = row["total_charge_cents"]?.integerValue,
              let notes = row["notes"]?.textValue else { return nil }
        var record = ClaimRecord(Claim(id: id, clinicID: owner, claimNumber: number, patientID: patient, payerID: payer,
                                       billingNPI: billing))
        record.renderingNpi = row["rendering_npi"]?.textValue
        record.pos = pos
        record.diagnoses = diagnoses
        record.frequency = frequency
        record.payerClaimNumber = row["payer_claim_number"]?.textValue
        record.lifecycle = Int(lifecycle)
        record.totalChargeCents = total
        record.notes = notes
        record.originalClaimId = row["original_claim_id"]?.textValue
        return record.claim(lines: lines)
    }

    /// A service line from its `service_line` row's columns; `nil` when a required column is
    /// missing or has the wrong type.
    public static func line(id: String, rowValues row: [String: FieldValue]) -> ServiceLine? {
        guard let owner = row["owner"]?.textValue, let claimID = row["claim_id"]?.textValue,
              let number = row["line_number"]?.integerValue, let code = row["procedure_code"]?.textValue,
              let modifiers = row["modifiers"]?.textValue, let units = row["units"]?.integerValue,
              let charge = row["charge_cents"]?.integerValue, let date = row["service_date"]?.textValue,
              let pointers = row["dx_pointers"]?.textValue else { return nil }
        var record = ServiceLineRecord(ServiceLine(id: id, claimID: claimID, lineNumber: Int(number), procedureCode: code,
                                                   units: Int(units), chargeCents: charge,
                                                   serviceDate: CalendarDate(daysSinceEpoch: 0), diagnosisPointers: []),
                                       owner: owner)
        record.modifiers = modifiers
        record.serviceDate = date
        record.serviceDateTo = row["service_date_to"]?.textValue
        record.dxPointers = pointers
        record.pos = row["pos"]?.textValue
        return record.line
    }
}
