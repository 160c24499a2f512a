import SyncModel
import SyncWire

/// A push request already encoded for the wire (JSON, gzipped when large), so a sync can
/// encode the next batch while the central node applies the one in flight.
public struct PreparedPush: Sendable {
    /// The request as read from the outbox.
    public let request: PushRequest
    /// The request body as sent.
    let body: RequestBody

    /// Encodes `request`.
    public init(_ request: PushRequest) throws {
        self.request = request
        self.body = try RequestBody(request)
    }

    /// The local log sequence of the batch's last change, or `nil` for an empty batch.
    public var lastSeq: Int64? { request.changes.last?.version.seq }
}

/// A request body: JSON, gzipped above 16 KiB (the server inflates it within its limits).
struct RequestBody: Sendable {
    /// The bytes sent.
    let bytes: [UInt8]
    /// Whether ``bytes`` are gzipped (`Content-Encoding: gzip`).
    let gzipped: Bool

    /// The JSON of `value`, gzipped at level 1 when larger than 16 KiB: on loopback or a LAN
    /// the fast level costs less time than the bytes it would save.
    init<Value: Encodable>(_ value: Value) throws {
        let json = try WireJSON.encode(value)
        if json.count > 16 << 10 {
            bytes = try Gzip.compress(json, level: 1)
            gzipped = true
        } else {
            bytes = json
            gzipped = false
        }
    }
}
