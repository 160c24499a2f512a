/// The four delimiters of one interchange, as its ISA header announces them.
///
/// The element separator is the character right after `ISA`, the repetition separator is
/// ISA11 (5010), the component separator ISA16, and the segment terminator the character that
/// follows ISA16. All are single ASCII bytes; newlines after a terminator are layout, not data.
public struct X12Delimiters: Hashable, Sendable {
    /// Separates elements (`*`).
    public let element: UInt8
    /// Separates the components of a composite (`:`).
    public let component: UInt8
    /// Separates repetitions of an element (`^`), when ISA11 announces one.
    public let repetition: UInt8?
    /// Ends a segment (`~`).
    public let segment: UInt8

    /// The delimiters `*`, `:`, `^`, `~`.
    public static let standard = X12Delimiters(element: 42, component: 58, repetition: 94, segment: 126)

    /// Delimiters as given.
    public init(element: UInt8, component: UInt8, repetition: UInt8?, segment: UInt8) {
        self.element = element
        self.component = component
        self.repetition = repetition
        self.segment = segment
    }

    /// Reads the delimiters from the start of `bytes`, or explains why it cannot.
    ///
    /// Counts element separators rather than trusting the fixed widths (3, 82, 104, 105), so a
    /// header whose padding is off still reads; only the 16-element shape is required.
    static func read(from bytes: [UInt8]) throws -> X12Delimiters {
        var start = 0
        while start < bytes.count, isLayout(bytes[start]) { start += 1 }
        guard bytes.count - start >= 4, bytes[start] == 73, bytes[start + 1] == 83, bytes[start + 2] == 65 else {
            throw PayerFileError(.notX12, segmentNumber: nil, segmentID: nil,
                                 "this is not an X12 file: it does not begin with an ISA interchange header")
        }
        let element = bytes[start + 3]
        guard isDelimiterCandidate(element) else {
            throw PayerFileError(.notX12, segmentNumber: 1, segmentID: "ISA",
                                 "the element separator after ISA is a letter, digit or space")
        }
        // Walk 16 element separators; ISA16 is one byte and the terminator follows it.
        var index = start + 3
        var separators = 0
        var positions: [Int] = []
        while index < bytes.count, separators < 16 {
            if bytes[index] == element {
                separators += 1
                positions.append(index)
            }
            index += 1
        }
        guard separators == 16, positions[15] + 2 < bytes.count else {
            throw PayerFileError(.truncated, segmentNumber: 1, segmentID: "ISA",
                                 "the file ends inside the interchange header (it needs 16 elements and a terminator)")
        }
        let component = bytes[positions[15] + 1]
        let segment = bytes[positions[15] + 2]
        let repetitionField = bytes[(positions[10] + 1)..<positions[11]]
        let repetition: UInt8? = repetitionField.count == 1 && repetitionField.first != 85 // `U` = 4010 style
            ? repetitionField.first : nil
        let chosen = X12Delimiters(element: element, component: component, repetition: repetition, segment: segment)
        let distinct = Set([element, component, segment] + (repetition.map { [$0] } ?? []))
        guard distinct.count == 3 + (repetition == nil ? 0 : 1),
              isDelimiterCandidate(component), isDelimiterCandidate(segment) || isLayout(segment) else {
            throw PayerFileError(.malformed, segmentNumber: 1, segmentID: "ISA",
                                 "the delimiters the header announces are not four distinct punctuation characters")
        }
        return chosen
    }

    /// Newline, carriage return and other layout between segments.
    static func isLayout(_ byte: UInt8) -> Bool { byte == 10 || byte == 13 || byte == 9 || byte == 32 }

    /// A byte an interchange may use as a delimiter: punctuation or a control character, never a
    /// letter, digit, space or line break (a line break may only end segments).
    static func isDelimiterCandidate(_ byte: UInt8) -> Bool {
        guard byte > 0, byte < 128, byte != 32, !isLayout(byte) else { return false }
        let isLetterOrDigit = (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        return !isLetterOrDigit
    }

    /// The delimiter as text, for messages (`~`, `\n`).
    static func spelled(_ byte: UInt8) -> String {
        switch byte {
        case 10: return "\\n"
        case 13: return "\\r"
        default: return String(UnicodeScalar(byte))
        }
    }
}
