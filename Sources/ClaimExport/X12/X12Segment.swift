/// One X12 segment: an id and its elements, rendered with the delimiters this writer uses.
///
/// Trailing empty elements (and trailing empty components of a composite) are dropped when
/// rendered, as X12 requires. Element values must already be clean (see ``X12Text``): the
/// segment does not escape anything.
struct X12Segment: Hashable, Sendable {
    /// Element separator.
    static let elementSeparator = "*"
    /// Component (sub-element) separator, announced in ISA16.
    static let componentSeparator = ":"
    /// Repetition separator, announced in ISA11.
    static let repetitionSeparator = "^"
    /// Segment terminator.
    static let terminator = "~"
    /// Every character with a meaning in this writer's files.
    static let delimiters: Set<Character> = ["*", ":", "^", "~"]

    let id: String
    let elements: [String]

    init(_ id: String, _ elements: String...) {
        self.id = id
        self.elements = elements
    }

    init(_ id: String, elements: [String]) {
        self.id = id
        self.elements = elements
    }

    /// The segment without its terminator, trailing empty elements dropped.
    var text: String {
        var kept = elements
        while let last = kept.last, last.isEmpty { kept.removeLast() }
        return ([id] + kept).joined(separator: Self.elementSeparator)
    }

    /// A composite element: components joined by `:`, trailing empty ones dropped.
    static func composite(_ components: [String]) -> String {
        var kept = components
        while let last = kept.last, last.isEmpty { kept.removeLast() }
        return kept.joined(separator: componentSeparator)
    }
}
