import SyncModel

/// A fast reader and writer for the one JSON shape the change log stores: a flat object of
/// column → scalar (`null`, number, string), as a row insert's values.
///
/// It reads what SQLite's `json_object` (the capture triggers) and `JSONEncoder` write, with
/// the same number rule as ``FieldValue``'s `Codable` (no fraction or exponent: an integer),
/// and writes keys sorted, like `JSONEncoder` with `.sortedKeys`. Foundation's coders cost
/// tens of microseconds per row on the sync path; these cost well under one.
public enum FlatJSON {
    /// A malformed object; `offset` is the byte where reading stopped.
    public struct Malformed: Error, CustomStringConvertible {
        /// The byte where reading stopped.
        public var offset: Int
        /// One line.
        public var description: String { "the logged row values are not a flat JSON object (byte \(offset))" }
    }

    /// The JSON text of `values`, keys sorted by their UTF-8 bytes.
    public static func encode(_ values: [String: FieldValue]) -> String {
        encode(values, keys: sortedKeys(values))
    }

    /// The JSON text of `values` with `keys` (every key of `values`, already sorted) in that order.
    public static func encode(_ values: [String: FieldValue], keys: [String]) -> String {
        encode(keys: keys, values: keys.map { values[$0]! })
    }

    /// The JSON text of the object whose members are `keys` (sorted, distinct) and, in the same
    /// order, `values`.
    public static func encode(keys: [String], values: [FieldValue]) -> String {
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
    public static func sortedKeys(_ values: [String: FieldValue], table: String? = nil) -> [String] {
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
    public static func decode(_ text: String) throws -> [String: FieldValue] {
        var text = text
        return try text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes: bytes)
            do {
                return try scanner.document { try $0.flatObject() }
            } catch let malformed as JSONScanner.Malformed {
                throw Malformed(offset: malformed.offset)
            }
        }
    }
}

/// The flat object over ``JSONScanner``: column → `null`, number or string.
extension JSONScanner {
    mutating func flatObject() throws -> [String: FieldValue] {
        // Room for the widest synced row: growing a dictionary rehashes every key.
        var values = [String: FieldValue](minimumCapacity: 16)
        try object { scanner, key in values[key] = try scanner.scalar() }
        return values
    }

    /// `null`, a string or a number (with the number rule of ``FieldValue``'s `Codable`).
    mutating func scalar() throws -> FieldValue {
        switch peek {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "n"): try word("null"); return .null
        case nil: throw malformed
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
            default: return try finishNumber(start: start, fractional: fractional)
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
}
