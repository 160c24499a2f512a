/// The one low-level JSON reader of the wire module: a cursor over UTF-8 bytes with the
/// grammar both fast readers share — ``WireJSON``'s (push requests and pull pages) and
/// ``FlatJSON``'s (the change log's row values). Strict: anything unexpected — a raw control
/// character or an unknown escape in a string, invalid UTF-8, a leading zero, an integer that
/// does not fit in 64 bits — throws ``Malformed`` with the byte offset where reading stopped.
struct JSONScanner {
    /// Input that is not the JSON expected; `offset` is the byte where reading stopped.
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "malformed JSON at byte \(offset)" }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next byte, `nil` at the end.
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The error for the current position.
    var malformed: Malformed { Malformed(offset: index) }

    /// Reads one document with `body`: surrounding space allowed, nothing after it.
    mutating func document<T>(_ body: (inout JSONScanner) throws -> T) throws -> T {
        space()
        let value = try body(&self)
        space()
        guard index == bytes.count else { throw malformed }
        return value
    }

    /// `{ "key": value, … }`, calling `member` after each key with the scanner at the value.
    mutating func object(_ member: (inout JSONScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        space()
        if peek == UInt8(ascii: "}") { index += 1; return }
        while true {
            space()
            let key = try string()
            space()
            try expect(UInt8(ascii: ":"))
            space()
            try member(&self, key)
            space()
            let next = try take()
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw Malformed(offset: index - 1) }
        }
    }

    /// `[ element, … ]`, calling `element` with the scanner at each element.
    mutating func array(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        space()
        if peek == UInt8(ascii: "]") { index += 1; return }
        while true {
            space()
            try element(&self)
            space()
            let next = try take()
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw Malformed(offset: index - 1) }
        }
    }

    /// `null` as `nil`, or what `read` reads.
    mutating func orNull<T>(_ read: (inout JSONScanner) throws -> T) throws -> T? {
        if peek == UInt8(ascii: "n") { try word("null"); return nil }
        return try read(&self)
    }

    /// `true` or `false`.
    mutating func bool() throws -> Bool {
        if peek == UInt8(ascii: "t") { try word("true"); return true }
        try word("false")
        return false
    }

    /// A JSON integer (no fraction, no exponent) that fits in 64 bits.
    mutating func integer() throws -> Int64 {
        let negative = peek == UInt8(ascii: "-")
        if negative { index += 1 }
        let magnitude = try digits()
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw malformed }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw malformed }
        return Int64(magnitude)
    }

    /// A JSON integer of 0 or more that fits in 64 unsigned bits.
    mutating func unsigned() throws -> UInt64 { try digits() }

    private mutating func digits() throws -> UInt64 {
        guard let first = peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { throw malformed }
        index += 1
        var value = UInt64(first - UInt8(ascii: "0"))
        if first == UInt8(ascii: "0") {
            if let next = peek, next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") { throw malformed }
        }
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw malformed }
            value = sum
            index += 1
        }
        if let next = peek, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            throw malformed
        }
        return value
    }

    /// A string with the JSON escapes only; invalid UTF-8 or a raw control character throws.
    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var plain = true
        while let byte = peek, byte != UInt8(ascii: "\"") {
            if byte < 0x20 { throw malformed }
            if byte == UInt8(ascii: "\\") { plain = false; index += 1 }
            if byte >= 0x80 { plain = false }
            index += 1
        }
        guard index < bytes.count else { throw malformed }
        let body = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if plain { return String(decoding: body, as: UTF8.self) }
        return try unescape(body, at: start)
    }

    private func unescape(_ body: UnsafeBufferPointer<UInt8>, at start: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        func malformed() -> Malformed { Malformed(offset: start + i) }
        while i < body.count {
            let byte = body[i]
            i += 1
            guard byte == UInt8(ascii: "\\") else { out.append(byte); continue }
            guard i < body.count else { throw malformed() }
            let escaped = body[i]
            i += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard var scalar = Self.hex4(body, at: &i) else { throw malformed() }
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < body.count, body[i] == UInt8(ascii: "\\"), body[i + 1] == UInt8(ascii: "u") else {
                        throw malformed()
                    }
                    i += 2
                    guard let low = Self.hex4(body, at: &i), (0xDC00..<0xE000).contains(low) else { throw malformed() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw malformed() }
                out.append(contentsOf: String(unicode).utf8)
            default: throw malformed()
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw Malformed(offset: start) }
        return text
    }

    private static func hex4(_ body: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32? {
        guard i + 4 <= body.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = body[i]
            i += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Exactly `text` (`null`, `true`, `false`).
    mutating func word(_ text: StaticString) throws {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw malformed }
        let word = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != word[offset] { throw malformed }
        index += count
    }

    mutating func expect(_ byte: UInt8) throws {
        guard peek == byte else { throw malformed }
        index += 1
    }

    mutating func take() throws -> UInt8 {
        guard index < bytes.count else { throw malformed }
        index += 1
        return bytes[index - 1]
    }

    /// Skips JSON white space.
    mutating func space() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }
}
