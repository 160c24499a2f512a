/// A postal address as X12 N3/N4 segments carry it.
public struct Address: Hashable, Sendable, Codable {
    public var line1: String
    public var city: String
    /// Two-letter state code.
    public var state: String
    /// Five or nine digit ZIP code.
    public var zip: String

    public init(line1: String, city: String, state: String, zip: String) {
        self.line1 = line1
        self.city = city
        self.state = state
        self.zip = zip
    }
}
