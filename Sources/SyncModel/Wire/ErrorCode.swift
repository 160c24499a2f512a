/// A machine-readable error or refusal code, e.g. `clock_skew`. Open-ended (a string), with
/// the codes the sync protocol uses spelled out as constants.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    /// The snake_case code.
    public var rawValue: String

    /// Wraps a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A code from a string literal.
    public init(stringLiteral value: String) { rawValue = value }

    /// The change is stamped too far ahead of the central clock (see ``ClockSkewError``).
    public static let clockSkew: ErrorCode = "clock_skew"
    /// The row belongs to another clinic.
    public static let outOfScope: ErrorCode = "out_of_scope"
    /// The table is central reference data, read-only at clinics.
    public static let readOnlyTable: ErrorCode = "read_only_table"
    /// The table is not a synced table.
    public static let unknownTable: ErrorCode = "unknown_table"
    /// The column does not exist in the table.
    public static let unknownField: ErrorCode = "unknown_field"
    /// The value does not fit the column.
    public static let invalidValue: ErrorCode = "invalid_value"
    /// The change was sent by a site other than the one the request is from.
    public static let wrongSite: ErrorCode = "wrong_site"
    /// The two sides run different store schema versions.
    public static let schemaMismatch: ErrorCode = "schema_mismatch"
    /// The request is malformed.
    public static let badRequest: ErrorCode = "bad_request"
    /// The request is too large.
    public static let tooLarge: ErrorCode = "too_large"
    /// No token, or a token that is not valid.
    public static let unauthorized: ErrorCode = "unauthorized"
    /// The token is valid but does not allow this.
    public static let forbidden: ErrorCode = "forbidden"
    /// The clinic's cursor is older than what the central node keeps: bootstrap from a snapshot.
    public static let cursorExpired: ErrorCode = "cursor_expired"
    /// The node holds another record of the pushing site than the push expects (a restored or
    /// copied store; issue 28): the clinic checks its site's standing again.
    public static let siteMoved: ErrorCode = "site_moved"
    /// The server failed; retry later.
    public static let internalError: ErrorCode = "internal"

    /// The code itself.
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
