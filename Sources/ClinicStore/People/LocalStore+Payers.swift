import BillingModel
import GRDB

extension LocalStore {
    /// Adds a payer this clinic bills (or, on the central store, one of the shared list).
    public func addPayer(payerID: String, name: String, filingIndicator: String = "CI",
                         author: String? = nil) throws -> Payer {
        let entity = "payer"
        let indicator = filingIndicator.uppercased()
        guard Payer.filingIndicators.contains(indicator) else {
            throw StoreError.invalid(entity: entity, field: "filing_indicator",
                                     reason: "'\(filingIndicator)' is not an X12 claim filing indicator (CI, MB, MC, BL ...)")
        }
        let payer = Payer(id: newID(), owner: identity.owner,
                          payerID: try FieldCheck.identifier(payerID, entity: entity, field: "payer_id"),
                          name: try FieldCheck.text(name, entity: entity, field: "name", maxLength: 60),
                          filingIndicator: indicator)
        return try write(author: author) { db in
            if try PayerRecord.filter(PayerRecord.Columns.payerId == payer.payerID)
                .filter(PayerRecord.Columns.deleted == 0).fetchCount(db) > 0 {
                throw StoreError.invalid(entity: entity, field: "payer_id", reason: "payer \(payer.payerID) already exists")
            }
            try PayerRecord(payer).insert(db)
            return payer
        }
    }

    /// The clinic's own payers and the central office's shared list, by name.
    public func payers() throws -> [Payer] {
        try read { db in
            try PayerRecord.filter(PayerRecord.Columns.deleted == 0).order(PayerRecord.Columns.name).fetchAll(db).map(\.payer)
        }
    }

    /// A payer by record id or by its external payer id.
    public func payer(_ key: String) throws -> Payer {
        try read { db in try Self.fetchPayer(db, key: key) }
    }

    /// A live payer by record id or external payer id. With `clinicID`, only payers that clinic
    /// has — its own, then the central office's shared ones — so that at the central store a
    /// claim never points at another clinic's payer (which that clinic would never receive).
    static func fetchPayer(_ db: Database, key: String, for clinicID: String? = nil) throws -> Payer {
        var live = PayerRecord.filter(PayerRecord.Columns.deleted == 0)
        if let clinicID {
            live = live.filter([clinicID, centralOwner].contains(PayerRecord.Columns.owner))
                .order(sql: "owner = ? DESC", arguments: [clinicID])
        }
        if let record = try live.filter(key: key).fetchOne(db) ?? live.filter(PayerRecord.Columns.payerId == key).fetchOne(db) {
            return record.payer
        }
        throw StoreError.notFound(entity: "payer", id: key)
    }
}
