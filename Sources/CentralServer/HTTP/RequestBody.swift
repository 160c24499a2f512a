import Foundation
import Hummingbird
import SyncModel
import SyncWire

/// Reads a request body within a size limit, inflating `Content-Encoding: gzip`.
enum RequestBody {
    /// The body's bytes, at most `limit` both on the wire and once inflated.
    ///
    /// Too large → 413 `too_large`; a damaged gzip stream or an unknown encoding → 400.
    static func bytes(of request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw tooLarge(limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        }
        let raw = Array(buffer.readableBytesView)
        switch request.headers[.contentEncoding]?.lowercased().trimmingCharacters(in: .whitespaces) {
        case nil, "", "identity":
            return raw
        case "gzip", "x-gzip":
            do {
                return try Gzip.decompress(raw, limit: limit)
            } catch let failure as Gzip.Failure {
                // Gzip reports an inflation past the limit in these words; anything else is a damaged stream.
                if failure.description.contains("inflates past") { throw tooLarge(limit) }
                throw ErrorBody(error: .badRequest, message: "the gzip request body is damaged or truncated")
            }
        case let other?:
            throw ErrorBody(error: .badRequest, message: "Content-Encoding '\(other.prefix(40))' is not supported; send gzip or nothing")
        }
    }

    private static func tooLarge(_ limit: Int) -> ErrorBody {
        ErrorBody(error: .tooLarge, message: "the request body is over the \(limit)-byte limit (after gzip inflation too); "
                  + "send smaller batches")
    }
}
