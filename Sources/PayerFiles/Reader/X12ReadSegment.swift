/// One segment as read from a payer file: its id, its elements and where it stood.
///
/// `self[1]` is the first element after the id (CLP01), as the implementation guides number
/// them; an element the segment does not carry reads as the empty string.
public struct X12ReadSegment: Hashable, Sendable {
    /// The segment id (`CLP`).
    public let id: String
    /// The elements after the id, in order (index 0 is element 01).
    public let elements: [String]
    /// The 1-based position of the segment in the file (ISA is 1).
    public let number: Int
    /// The component separator of the interchange, for ``components(_:)``.
    public let componentSeparator: Character

    /// A segment as given.
    public init(id: String, elements: [String], number: Int, componentSeparator: Character) {
        self.id = id
        self.elements = elements
        self.number = number
        self.componentSeparator = componentSeparator
    }

    /// Element `position` (1-based, as the guides number them), or `""` when absent.
    public subscript(_ position: Int) -> String {
        position >= 1 && position <= elements.count ? elements[position - 1] : ""
    }

    /// Element `position` split into components (`HC:99213:25` → `HC`, `99213`, `25`).
    public func components(_ position: Int) -> [String] {
        self[position].split(separator: componentSeparator, omittingEmptySubsequences: false).map(String.init)
    }

    /// Element `position`, or nil when it is empty.
    func optional(_ position: Int) -> String? {
        let value = self[position]
        return value.isEmpty ? nil : value
    }

    /// Element `position`, refusing the segment when it is empty.
    func required(_ position: Int, _ name: String) throws -> String {
        let value = self[position]
        guard !value.isEmpty else {
            throw PayerFileError(.malformed, at: self, "\(name) (\(id)\(Self.twoDigits(position))) is missing")
        }
        return value
    }

    /// Element `position` as exact cents, refusing the segment when it is missing or not an amount.
    func amount(_ position: Int, _ name: String) throws -> Int64 {
        let text = try required(position, name)
        guard let cents = X12Decimal.cents(text) else {
            throw PayerFileError(.malformed, at: self,
                                 "\(name) (\(id)\(Self.twoDigits(position))) `\(text)` is not an amount in dollars and cents")
        }
        return cents
    }

    /// Element `position` as exact cents, nil when empty, refusing the segment when it is not an amount.
    func optionalAmount(_ position: Int, _ name: String) throws -> Int64? {
        self[position].isEmpty ? nil : try amount(position, name)
    }

    /// The element's reference as the guides write it: `CLP04`.
    func reference(_ position: Int) -> String { id + Self.twoDigits(position) }

    static func twoDigits(_ position: Int) -> String { position < 10 ? "0\(position)" : "\(position)" }
}
