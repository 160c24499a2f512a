/// The one X12 reader every inbound payer file goes through (DESIGN §10): delimiters from the
/// ISA header, segments numbered for messages, and the envelope checked.
///
/// Refused: text that is not X12, a file that ends before its envelope closes, counts that
/// disagree (SE01, GE01, IEA01), transaction or group control numbers that do not match their
/// trailer, a version other than 5010. Tolerated with a warning: an IEA control number that
/// differs from its ISA (the counts still close the interchange), a GS time out of range.
public enum X12Reader {
    /// Reads `text` into an interchange, or throws the one error that explains why not.
    public static func read(_ text: String) throws -> X12Interchange {
        try read(bytes: Array(text.utf8))
    }

    /// Reads the bytes of a file.
    public static func read(bytes raw: [UInt8]) throws -> X12Interchange {
        let bytes = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.dropFirst(3)) : raw
        let delimiters = try X12Delimiters.read(from: bytes)
        let segments = try split(bytes, delimiters)
        var envelope = Envelope(segments: segments, delimiters: delimiters)
        return try envelope.read()
    }

    /// Splits the bytes into numbered segments; layout (newlines, indentation) around them is dropped.
    static func split(_ bytes: [UInt8], _ delimiters: X12Delimiters) throws -> [X12ReadSegment] {
        let component = Character(UnicodeScalar(delimiters.component))
        var segments: [X12ReadSegment] = []
        var start = 0
        var index = 0
        func emit(_ range: Range<Int>) throws {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, X12Delimiters.isLayout(bytes[lower]) {
                lower += 1
            }
            while upper > lower, X12Delimiters.isLayout(bytes[upper - 1]) { upper -= 1 }
            guard lower < upper else { return }
            let fields = bytes[lower..<upper].split(separator: delimiters.element, omittingEmptySubsequences: false)
            let number = segments.count + 1
            guard let text = String(validating: fields[0], as: UTF8.self), Self.isSegmentID(text) else {
                throw PayerFileError(.malformed, segmentNumber: number, segmentID: nil,
                                     "does not begin with a segment id (two or three capital letters or digits)")
            }
            var elements: [String] = []
            elements.reserveCapacity(fields.count - 1)
            for field in fields.dropFirst() {
                guard let value = String(validating: field, as: UTF8.self) else {
                    throw PayerFileError(.malformed, segmentNumber: number, segmentID: text, "holds bytes that are not text")
                }
                elements.append(value)
            }
            segments.append(X12ReadSegment(id: text, elements: elements, number: number, componentSeparator: component))
        }
        while index < bytes.count {
            if bytes[index] == delimiters.segment {
                try emit(start..<index)
                start = index + 1
            }
            index += 1
        }
        let rest = bytes[start...].drop(while: X12Delimiters.isLayout)
        if !rest.isEmpty {
            throw PayerFileError(.truncated, segmentNumber: segments.count + 1, segmentID: nil,
                                 "the file ends inside a segment (no terminator `\(X12Delimiters.spelled(delimiters.segment))` after it)")
        }
        return segments
    }

    /// Two or three capital letters or digits, starting with a letter.
    static func isSegmentID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (2...3).contains(bytes.count), (65...90).contains(bytes[0]) else { return false }
        return bytes.allSatisfy { (65...90).contains($0) || (48...57).contains($0) }
    }
}
