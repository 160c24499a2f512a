import ClinicStore
import Foundation
import SyncModel

/// Hand-made pushes of a hostile clinic (DESIGN §4, §8): changes stamped as it likes, sent with
/// its own valid token. Sequences start far above anything its store wrote.
struct Forger {
    let clinicID: String
    let site: String
    var seq: Int64
    let nowMillis: Int64

    init(clinicID: String, site: String, firstSeq: Int64 = 1_000_000, nowMillis: Int64 = SystemClock().nowMillis()) {
        self.clinicID = clinicID
        self.site = site
        seq = firstSeq
        self.nowMillis = nowMillis
    }

    private mutating func version(site: String?) -> Version {
        seq += 1
        return Version(hlc: HLC(millis: nowMillis, counter: UInt16(truncatingIfNeeded: seq)), site: site ?? self.site, seq: seq)
    }

    /// A row insert of `table`, owned by this clinic unless `owner` says otherwise.
    mutating func insert(_ table: String, row: String = UUID().uuidString.lowercased(), _ values: [String: FieldValue],
                         owner: String? = nil, site: String? = nil, observed: Int64 = 0, author: String? = nil,
                         reasserted: Int64? = nil) -> Change {
        let owner = owner ?? clinicID
        var change = Change.insert(table: table, row: row, owner: owner,
                                   values: values.merging(["owner": .text(owner), "deleted": .integer(0)]) { new, _ in new },
                                   version: version(site: site), observed: observed, author: author)
        change.reassertedLifecycle = reasserted
        return change
    }

    /// A field change.
    mutating func field(_ table: String, row: String, _ field: String, _ value: FieldValue, owner: String? = nil,
                        site: String? = nil, observed: Int64 = 0, reasserted: Int64? = nil) -> Change {
        var change = Change.field(table: table, row: row, owner: owner ?? clinicID, field: field, value: value,
                                  version: version(site: site), replaced: nil, observed: observed)
        change.reassertedLifecycle = reasserted
        return change
    }

    /// A push of `changes` from `site` (this clinic's own unless given).
    func request(_ changes: [Change], site: String? = nil) -> PushRequest {
        PushRequest(schemaVersion: StoreMigrations.schemaVersion, clinicID: clinicID, siteID: site ?? self.site,
                    changes: changes)
    }

    /// The values of a service line on `claim`.
    static func line(claim: String, charge: Int64 = 100) -> [String: FieldValue] {
        ["claim_id": .text(claim), "line_number": .integer(9), "procedure_code": .text("99213"), "modifiers": .text(""),
         "units": .integer(1), "charge_cents": .integer(charge), "service_date": .text("2025-01-10"),
         "service_date_to": .null, "dx_pointers": .text("1"), "pos": .null]
    }

    /// The values of a conflict record about `table.field` of `row`.
    static func conflict(table: String = "claim", row: String, field: String = "notes", kind: String = "concurrent_edit",
                         status: Int64 = 0, loser: FieldValue = .text("forged")) -> [String: FieldValue] {
        ["kind": .text(kind), "tbl": .text(table), "row_id": .text(row), "field": .text(field),
         "winner_value": .text("w"), "winner_version": .text(""), "loser_value": loser,
         "loser_version": .text("65536000/3/forged-site"), "message": .text("forged"), "status": .integer(status),
         "resolution": .null]
    }

    /// The values of a claim of this clinic on `patient` and `payer`.
    static func claim(patient: String, payer: String, original: String? = nil) -> [String: FieldValue] {
        ["claim_number": .text("F-1"), "patient_id": .text(patient), "payer_id": .text(payer),
         "billing_npi": .text("1234567893"), "rendering_npi": .null, "pos": .text("11"), "diagnoses": .text("E119"),
         "frequency": .text(original == nil ? "1" : "7"), "payer_claim_number": original == nil ? .null : .text("PCN"),
         "lifecycle": .integer(16), "total_charge_cents": .integer(0), "notes": .text(""),
         "original_claim_id": original.map(FieldValue.text) ?? .null]
    }
}
