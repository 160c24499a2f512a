/// A postal address as X12 N3/N4 segments carry it.
public struct Address: Hashable, Sendable, Codable {
    /// Street address (N301); the store takes up to 55 characters.
    public var line1: String
    /// City name (N401); the store takes up to 30 characters.
    public var city: String
    /// Two-letter state code.
    public var state: String
    /// Five or nine digit ZIP code.
    public var zip: String

    /// Creates an address as given; the store's input checks validate and normalize it.
    public init(line1: String, city: String, state: String, zip: String) {
        self.line1 = line1
        self.city = city
        self.state = state
        self.zip = zip
    }
}
