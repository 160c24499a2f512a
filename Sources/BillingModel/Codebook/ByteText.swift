/// Byte-level text helpers shared by the codebook parsers, which work on the file's bytes
/// rather than on Swift `String`s so that the large CMS files parse fast.
enum ByteText {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")

    /// What ``inspectLine(_:from:)`` learns about one physical line.
    struct LineInfo {
        /// Index just past the line's content (before `\r\n` or `\n`).
        var contentEnd: Int
        /// Index where the next line starts (past the line feed), or the end of the bytes.
        var nextLineStart: Int
        /// Whether the content is valid UTF-8.
        var isValidUTF8: Bool
    }

    /// The index where the text starts: past a UTF-8 byte order mark, if there is one.
    static func textStart(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Finds the end of the line starting at `start` and checks its encoding in one pass.
    static func inspectLine(_ bytes: [UInt8], from start: Int) -> LineInfo {
        var index = start
        var asciiOnly = true
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == lineFeed { break }
            if byte >= 0x80 { asciiOnly = false }
            index += 1
        }
        let next = index < count ? index + 1 : index
        let contentEnd = index > start && bytes[index - 1] == carriageReturn ? index - 1 : index
        let valid = asciiOnly || firstInvalidUTF8(bytes, start..<contentEnd) == nil
        return LineInfo(contentEnd: contentEnd, nextLineStart: next, isValidUTF8: valid)
    }

    /// The index of the first byte in `range` that does not start a well-formed UTF-8
    /// sequence (overlong forms, surrogates and values past U+10FFFF are refused), or `nil`.
    static func firstInvalidUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let continuation: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: continuation = 1
            case 0xE0: continuation = 2; low = 0xA0
            case 0xED: continuation = 2; high = 0x9F
            case 0xE1...0xEF: continuation = 2
            case 0xF0: continuation = 3; low = 0x90
            case 0xF4: continuation = 3; high = 0x8F
            case 0xF1...0xF3: continuation = 3
            default: return index
            }
            for offset in 1...continuation {
                let position = index + offset
                guard position < range.upperBound else { return index }
                let byte = bytes[position]
                let (min, max) = offset == 1 ? (low, high) : (0x80, 0xBF)
                guard byte >= min, byte <= max else { return index }
            }
            index += continuation + 1
        }
        return nil
    }

    /// `range` without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == space || bytes[lower] == tab { lower += 1 }
        while upper > lower, bytes[upper - 1] == space || bytes[upper - 1] == tab { upper -= 1 }
        return lower..<upper
    }

    /// Whether `range` holds a control character other than a tab (a bare CR, a NUL ...).
    static func hasControlCharacter(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].contains { ($0 < 0x20 && $0 != tab) || $0 == 0x7F }
    }

    /// The text of `range` (already known to be valid UTF-8).
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The value of `range` when it is all ASCII digits (at most nine), else `nil`.
    static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The real date written as `YYYYMMDD` in `range`, else `nil`.
    static func compactDate(_ bytes: [UInt8], _ range: Range<Int>) -> CalendarDate? {
        guard range.count == 8, let value = number(bytes, range) else { return nil }
        return CalendarDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }
}
