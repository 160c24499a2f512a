import BillingModel
import GRDB

/// A row of `provider`.
struct ProviderRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "provider"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let npi = Column("npi")
        static let name = Column("name")
        static let deleted = Column("deleted")
    }

    var id: String
    var owner: String
    var npi: String
    var name: String
    var taxonomy: String?
    var taxId: String?
    var address: String?
    var city: String?
    var state: String?
    var zip: String?
    var deleted: Int = 0

    init(_ provider: Provider) {
        id = provider.id
        owner = provider.clinicID
        npi = provider.npi
        name = provider.name
        taxonomy = provider.taxonomy
        taxId = provider.taxID
        address = provider.address?.line1
        city = provider.address?.city
        state = provider.address?.state
        zip = provider.address?.zip
    }

    var provider: Provider {
        Provider(id: id, clinicID: owner, npi: npi, name: name, taxonomy: taxonomy, taxID: taxId,
                 address: Address(line1: address, city: city, state: state, zip: zip))
    }
}
