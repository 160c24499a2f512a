/// A billing or rendering provider, identified by NPI.
public struct Provider: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The owning clinic.
    public var clinicID: String
    /// Ten digits with a check digit (see ``NPI``).
    public var npi: String
    /// Organization name, or `Last, First` for a person.
    public var name: String
    public var taxonomy: String?
    /// Employer identification number, nine digits.
    public var taxID: String?
    public var address: Address?

    public init(id: String, clinicID: String, npi: String, name: String, taxonomy: String? = nil,
                taxID: String? = nil, address: Address? = nil) {
        self.id = id
        self.clinicID = clinicID
        self.npi = npi
        self.name = name
        self.taxonomy = taxonomy
        self.taxID = taxID
        self.address = address
    }

    /// Whether the name reads as a person (`Last, First`) rather than an organization.
    public var isPerson: Bool { name.contains(",") }
}
