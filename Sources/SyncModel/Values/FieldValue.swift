/// The value of one synced column: what SQLite can hold in it, minus blobs.
///
/// Codable as a plain JSON scalar: `null`, a number or a string. A JSON number without a
/// fraction decodes as ``integer(_:)``, one with a fraction as ``real(_:)``.
///
/// Equality and order follow SQLite, so that the merge compares values as the store does:
/// an integer and a real are equal when they are the same number (a whole `real` travels
/// as a JSON integer and comes back as ``integer(_:)``), text compares by its UTF-8 bytes,
/// and `NULL < numbers < text`. A `real` must be finite (JSON has no NaN or infinity).
public enum FieldValue: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// SQL NULL.
    case null
    /// A 64-bit integer (also booleans, cents, claim lifecycle ranks).
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)

    /// The integer, when this is an integer or a whole real.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .real(let value): Int64(exactly: value)
        case .null, .text: nil
        }
    }

    /// The text, when this is text.
    public var textValue: String? {
        if case .text(let value) = self { value } else { nil }
    }

    /// Whether this is SQL NULL.
    public var isNull: Bool { self == .null }

    /// A short rendering for messages and tables: `NULL`, `42`, `1.5`, `"E119"`.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "\"\(value)\""
        }
    }

    public static func == (a: FieldValue, b: FieldValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.text(let x), .text(let y)): x.utf8.elementsEqual(y.utf8)
        case (.integer(let x), .integer(let y)): x == y
        case (.real(let x), .real(let y)): x == y
        case (.integer(let x), .real(let y)), (.real(let y), .integer(let x)): Int64(exactly: y) == x
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0)
        case .integer(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .real(let value):
            if let whole = Int64(exactly: value) {
                hasher.combine(1)
                hasher.combine(whole)
            } else {
                hasher.combine(2)
                hasher.combine(value)
            }
        case .text(let value):
            hasher.combine(3)
            for byte in value.utf8 { hasher.combine(byte) }
        }
    }

    public static func < (a: FieldValue, b: FieldValue) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.integer(let x), .integer(let y)): return x < y
        case (.real(let x), .real(let y)): return x < y
        case (.integer(let x), .real(let y)):
            if let whole = Int64(exactly: y) { return x < whole }
            return Double(x) < y
        case (.real(let x), .integer(let y)):
            if let whole = Int64(exactly: x) { return whole < y }
            return x < Double(y)
        default: return a.storageClassRank < b.storageClassRank
        }
    }

    /// SQLite's order of storage classes: NULL, then numbers, then text.
    private var storageClassRank: Int {
        switch self {
        case .null: 0
        case .integer, .real: 1
        case .text: 2
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .real(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else {
            throw DecodingError.typeMismatch(FieldValue.self, .init(
                codingPath: decoder.codingPath,
                debugDescription: "expected null, a number or a string"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }
}

extension FieldValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral {
    /// `nil` is ``null``.
    public init(nilLiteral: ()) { self = .null }
    /// An integer literal is ``integer(_:)``.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A float literal is ``real(_:)``.
    public init(floatLiteral value: Double) { self = .real(value) }
    /// A string literal is ``text(_:)``.
    public init(stringLiteral value: String) { self = .text(value) }
}
