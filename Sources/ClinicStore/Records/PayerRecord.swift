import BillingModel
import GRDB

/// A row of `payer`.
struct PayerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "payer"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let owner = Column("owner")
        static let payerId = Column("payer_id")
        static let name = Column("name")
        static let deleted = Column("deleted")
    }

    var id: String
    var owner: String
    var payerId: String
    var name: String
    var filingIndicator: String
    var deleted: Int = 0

    init(_ payer: Payer) {
        id = payer.id
        owner = payer.owner
        payerId = payer.payerID
        name = payer.name
        filingIndicator = payer.filingIndicator
    }

    var payer: Payer { Payer(id: id, owner: owner, payerID: payerId, name: name, filingIndicator: filingIndicator) }
}
