import Foundation
import Hummingbird
import SyncWire

/// A JSON reply body, encoded (and gzipped when the client accepts it and it is worth it)
/// off the event loop, turned into a response on it.
struct JSONReply: Sendable {
    /// Replies smaller than this go uncompressed.
    static let gzipThreshold = 1_024

    let bytes: [UInt8]
    let gzipped: Bool

    /// Encodes `value`; gzips it when `gzip` is set and the JSON is at least ``gzipThreshold`` bytes.
    init<Value: Encodable>(_ value: Value, gzip: Bool) throws {
        let json = try WireJSON.encode(value)
        if gzip && json.count >= Self.gzipThreshold {
            bytes = try Gzip.compress(json, level: 1)
            gzipped = true
        } else {
            bytes = json
            gzipped = false
        }
    }

    /// The HTTP response.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .vary: "Accept-Encoding"]
        if gzipped { headers[.contentEncoding] = "gzip" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Whether the request's `Accept-Encoding` lists gzip (with a q-value above 0).
    static func acceptsGzip(_ request: Request) -> Bool {
        let values = request.headers[values: .acceptEncoding].joined(separator: ",")
        for item in values.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0 { return true }
        }
        return false
    }
}
