/// The JSON body of every 4xx/5xx reply: `{"error":"schema_mismatch","message":"…","detail":"…"}`.
public struct ErrorBody: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The machine-readable code.
    public var error: ErrorCode
    /// One line for people (never patient data or tokens).
    public var message: String
    /// Optional extra context, e.g. the versions of both sides.
    public var detail: String?

    /// An error body from its parts.
    public init(error: ErrorCode, message: String, detail: String? = nil) {
        self.error = error
        self.message = message
        self.detail = detail
    }

    /// `message (code)`.
    public var description: String { "\(message) (\(error))" }
}
