/// A billing or rendering provider, identified by NPI.
public struct Provider: Hashable, Sendable, Codable, Identifiable {
    /// The row's UUID (lower-case UUIDv7); claims name providers by ``npi`` instead.
    public var id: String
    /// The owning clinic.
    public var clinicID: String
    /// Ten digits with a check digit (see ``NPI``).
    public var npi: String
    /// Organization name, or `Last, First` for a person.
    public var name: String
    /// Health care provider taxonomy code, ten characters (PRV03); `nil` writes no PRV segment.
    public var taxonomy: String?
    /// Employer identification number, nine digits.
    public var taxID: String?
    /// Postal address (N3/N4); a billing provider needs one to export an 837P.
    public var address: Address?

    /// Creates a provider as given; the store checks the NPI, tax id and taxonomy on entry.
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
