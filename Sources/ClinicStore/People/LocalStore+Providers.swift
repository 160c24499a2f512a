import BillingModel
import GRDB

/// What a person types to register a provider.
public struct ProviderInput: Sendable {
    /// Ten digits; must pass the Luhn check (prefix 80840) and be new to this store.
    public var npi: String
    /// Organization name, or `Last, First` for a person; up to 60 characters.
    public var name: String
    /// Employer identification number, nine digits (dashes allowed, stripped); needed to bill.
    public var taxID: String?
    /// Ten-character provider taxonomy code (`207Q00000X` ...); stored upper case.
    public var taxonomy: String?
    /// Street line, up to 55 characters; give all four address parts or none.
    public var address: String?
    /// City, up to 30 characters.
    public var city: String?
    /// Two-letter state code.
    public var state: String?
    /// Five or nine digit ZIP code (a dash is allowed and stripped).
    public var zip: String?

    /// Collects what was typed; nothing is checked until ``LocalStore/addProvider(_:author:)``.
    public init(npi: String, name: String, taxID: String? = nil, taxonomy: String? = nil, address: String? = nil,
                city: String? = nil, state: String? = nil, zip: String? = nil) {
        self.npi = npi
        self.name = name
        self.taxID = taxID
        self.taxonomy = taxonomy
        self.address = address
        self.city = city
        self.state = state
        self.zip = zip
    }
}

extension LocalStore {
    /// Registers a provider; the NPI must pass its check digit and be new to this store.
    public func addProvider(_ input: ProviderInput, author: String? = nil) throws -> Provider {
        let entity = "provider"
        let npi = input.npi.trimmingSpaces
        switch NPI.problem(npi) {
        case .format?: throw StoreError.invalid(entity: entity, field: "npi", reason: "'\(npi)' is not 10 digits")
        case .checkDigit?: throw StoreError.invalid(entity: entity, field: "npi", reason: "'\(npi)' fails the NPI check digit")
        case nil: break
        }
        if let taxID = input.taxID, taxID.filter({ $0 != "-" }).count != 9 || !taxID.filter({ $0 != "-" }).allSatisfy(\.isNumber) {
            throw StoreError.invalid(entity: entity, field: "tax_id", reason: "must be a nine-digit EIN")
        }
        if let taxonomy = input.taxonomy, taxonomy.count != 10 || !taxonomy.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw StoreError.invalid(entity: entity, field: "taxonomy", reason: "must be a 10-character taxonomy code")
        }
        let provider = Provider(
            id: newID(), clinicID: identity.owner, npi: npi,
            name: try FieldCheck.text(input.name, entity: entity, field: "name", maxLength: 60),
            taxonomy: input.taxonomy?.uppercased(), taxID: input.taxID?.filter { $0 != "-" },
            address: try FieldCheck.address(line1: input.address, city: input.city, state: input.state,
                                             zip: input.zip, entity: entity))
        return try write(author: author) { db in
            if try ProviderRecord.filter(ProviderRecord.Columns.npi == npi).filter(ProviderRecord.Columns.deleted == 0).fetchCount(db) > 0 {
                throw StoreError.invalid(entity: entity, field: "npi", reason: "a provider with NPI \(npi) already exists")
            }
            try ProviderRecord(provider).insert(db)
            return provider
        }
    }

    /// Every provider, by name.
    public func providers() throws -> [Provider] {
        try read { db in
            try ProviderRecord.filter(ProviderRecord.Columns.deleted == 0).order(ProviderRecord.Columns.name)
                .fetchAll(db).map(\.provider)
        }
    }

    /// The provider with this NPI, if registered.
    public func provider(npi: String) throws -> Provider? {
        try read { db in
            try ProviderRecord.filter(ProviderRecord.Columns.npi == npi).filter(ProviderRecord.Columns.deleted == 0)
                .fetchOne(db)?.provider
        }
    }
}
