import SyncModel

/// A fast reader and writer for the one JSON shape the change log stores: a flat object of
/// column → scalar (`null`, number, string), as a row insert's values.
///
/// It reads what SQLite's `json_object` (the capture triggers) and `JSONEncoder` write, with
/// the same number rule as ``FieldValue``'s `Codable` (no fraction or exponent: an integer),
/// and writes keys sorted, like `JSONEncoder` with `.sortedKeys`. Foundation's coders cost
/// tens of microseconds per row on the sync path; these cost well under one.
enum FlatJSON {
    /// A malformed object; `offset` is the byte where reading stopped.
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "the logged row values are not a flat JSON object (byte \(offset))" }
    }

    /// The JSON text of `values`, keys sorted by their UTF-8 bytes.
    static func encode(_ values: [String: FieldValue]) -> String {
        encode(values, keys: sortedKeys(values))
    }

    /// The JSON text of `values` with `keys` (every key of `values`, already sorted) in that order.
    static func encode(_ values: [String: FieldValue], keys: [String]) -> String {
        encode(keys: keys, values: keys.map { values[$0]! })
    }

    /// The JSON text of the object whose members are `keys` (sorted, distinct) and, in the same
    /// order, `values`.
    static func encode(keys: [String], values: [FieldValue]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(keys.count * 24 + 2)
        out.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendValue(values[index], to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The keys in UTF-8 byte order (`<` gives the same order for ASCII names, and faster).
    /// A row of a synced table whose every column is present (what a row insert carries)
    /// takes the table's column list, sorted once, instead of a sort per row.
    static func sortedKeys(_ values: [String: FieldValue], table: String? = nil) -> [String] {
        if let table, let columns = SyncedTable.all[table]?.sortedColumns, columns.count == values.count,
           columns.allSatisfy({ values[$0] != nil }) {
            return columns
        }
        let keys = Array(values.keys)
        if keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return keys.sorted() }
        return keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Appends one scalar as JSON.
    static func appendValue(_ value: FieldValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .real(let number):
            if let whole = Int64(exactly: number) {
                out.append(contentsOf: String(whole).utf8)
            } else {
                out.append(contentsOf: "\(number)".utf8)
            }
        case .text(let text): appendString(text, to: &out)
        }
    }

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0F)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The object in `text`.
    static func decode(_ text: String) throws -> [String: FieldValue] {
        var text = text
        return try text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return try reader.object()
        }
    }

    /// A cursor over UTF-8 bytes.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func object() throws -> [String: FieldValue] {
            // Room for the widest synced row: growing a dictionary rehashes every key.
            var values = [String: FieldValue](minimumCapacity: 16)
            try expect(UInt8(ascii: "{"))
            skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; return values }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                values[key] = try scalar()
                skipSpace()
                guard let next = peek else { throw Malformed(offset: index) }
                index += 1
                if next == UInt8(ascii: "}") { return values }
                guard next == UInt8(ascii: ",") else { throw Malformed(offset: index - 1) }
            }
        }

        mutating func scalar() throws -> FieldValue {
            guard let first = peek else { throw Malformed(offset: index) }
            switch first {
            case UInt8(ascii: "\""): return .text(try string())
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func number() throws -> FieldValue {
            let start = index
            var fractional = false
            while let byte = peek {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): index += 1
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): fractional = true; index += 1
                default:
                    return try finishNumber(start: start, fractional: fractional)
                }
            }
            return try finishNumber(start: start, fractional: fractional)
        }

        private func finishNumber(start: Int, fractional: Bool) throws -> FieldValue {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if !fractional, let integer = Int64(text) { return .integer(integer) }
            guard let real = Double(text), real.isFinite else { throw Malformed(offset: start) }
            if let whole = Int64(exactly: real) { return .integer(whole) }
            return .real(real)
        }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = index
            // Fast path: no escapes.
            while let byte = peek, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { index += 1 }
            guard let stop = peek else { throw Malformed(offset: index) }
            if stop == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
            }
            var out = Array(bytes[start..<index])
            while let byte = peek {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { throw Malformed(offset: index) }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            try literal("\\u")
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw Malformed(offset: index) }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw Malformed(offset: index) }
                        out.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default: out.append(escaped)   // \" \\ \/
                    }
                default: out.append(byte)
                }
            }
            throw Malformed(offset: index)
        }

        private mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw Malformed(offset: index) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                index += 1
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw Malformed(offset: index - 1)
                }
                value = value << 4 | digit
            }
            return value
        }

        private mutating func literal(_ word: String) throws {
            for byte in word.utf8 { try expect(byte) }
        }

        private mutating func expect(_ byte: UInt8) throws {
            guard peek == byte else { throw Malformed(offset: index) }
            index += 1
        }

        private mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    }
}
