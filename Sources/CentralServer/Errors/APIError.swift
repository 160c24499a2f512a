import ClinicStore
import Foundation
import Hummingbird
import SyncModel

/// The one place that turns an error into an HTTP reply: a status and a JSON ``ErrorBody``.
///
/// Every error a handler or middleware throws goes through ``init(mapping:)``:
/// ``ErrorBody`` by its code, ``ClockSkewError`` as 422, ``StoreError`` by what the caller can
/// do about it, ``CentralStorageUnavailable`` as 503, JSON `DecodingError` as 400 naming the bad path (never the value), Hummingbird's
/// own errors by their status, anything else as a generic 500.
public struct APIError: HTTPResponseError, CustomStringConvertible {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// The JSON body.
    public let body: ErrorBody
    /// Whether the error was not foreseen (a 500): logged by its type, for the operator.
    public let isUnexpected: Bool

    /// An error reply from its parts.
    public init(status: HTTPResponse.Status, body: ErrorBody) {
        self.status = status
        self.body = body
        self.isUnexpected = false
    }

    /// Maps any error to its reply.
    public init(mapping error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let body as ErrorBody:
            self.init(status: Self.status(for: body.error), body: body)
        case let skew as ClockSkewError:
            self.init(status: .unprocessableContent, body: ErrorBody(error: .clockSkew, message: skew.description))
        case let store as StoreError:
            self = Self.mapping(store)
        case is CentralStorageUnavailable:
            self.init(status: .serviceUnavailable, body: ErrorBody(
                error: .unavailable, message: "the central database is unavailable; retry shortly "
                    + "(a push sent again is applied once, whether or not it got through)"))
        case let decoding as DecodingError:
            self.init(status: .badRequest, body: ErrorBody(
                error: .badRequest, message: "the request body is not the expected JSON: \(DecodingFailure(decoding))"))
        case let http as any HTTPResponseError:
            let status = http.status
            self.init(status: status, body: ErrorBody(error: Self.code(for: status), message: Self.message(for: status)))
        default:
            self = Self.unexpected
        }
    }

    /// The reply to an error nobody foresaw; the details stay in the server log.
    static let unexpected = APIError(status: .internalServerError, body: ErrorBody(
        error: .internalError, message: "the central node failed to handle the request; retry later"), isUnexpected: true)

    private init(status: HTTPResponse.Status, body: ErrorBody, isUnexpected: Bool) {
        self.status = status
        self.body = body
        self.isUnexpected = isUnexpected
    }

    /// `status message (code)`.
    public var description: String { "\(status.code) \(body)" }

    /// The JSON reply (with `WWW-Authenticate` on a 401).
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(body)) ?? Data(#"{"error":"internal","message":"error"}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="clinicsync""# }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: - Tables

    /// The HTTP status of an ``ErrorBody`` code.
    public static func status(for code: ErrorCode) -> HTTPResponse.Status {
        switch code {
        case .badRequest: return .badRequest
        case .unauthorized: return .unauthorized
        case .forbidden, .outOfScope: return .forbidden
        case .schemaMismatch, .siteMoved: return .conflict
        case .tooLarge: return .contentTooLarge
        case .clockSkew: return .unprocessableContent
        case .cursorExpired: return .gone
        case .notFound: return .notFound
        case .unavailable: return .serviceUnavailable
        case .internalError: return .internalServerError
        default: return .badRequest
        }
    }

    /// The ``ErrorBody`` code of a bare HTTP status (Hummingbird's own errors).
    static func code(for status: HTTPResponse.Status) -> ErrorCode {
        switch status.code {
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404, 405: return .notFound
        case 409: return .schemaMismatch
        case 413: return .tooLarge
        case 500...: return status.code == 503 ? .unavailable : .internalError
        default: return .badRequest
        }
    }

    private static func message(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: return "no such endpoint; the API is described in Schemas/openapi.yaml"
        case 413: return "the request body is too large"
        default: return status.reasonPhrase.isEmpty ? "request refused" : status.reasonPhrase.lowercased()
        }
    }

    /// Store errors: storage faults are 503 (retry later), a missing record 404, a refused value 400.
    private static func mapping(_ error: StoreError) -> APIError {
        func unavailable(_ message: String) -> APIError {
            APIError(status: .serviceUnavailable, body: ErrorBody(error: .unavailable, message: message))
        }
        switch error {
        case .readOnly:
            return unavailable("the central store is read-only; nothing was changed; the operator must fix its permissions")
        case .locked:
            return unavailable("the central store is busy (locked by another process); nothing was changed; retry shortly")
        case .diskFull:
            return unavailable("the central node's disk is full; nothing was changed; retry after the operator frees space")
        case .noStore, .corrupt, .newerSchema:
            return unavailable("the central store cannot be read; nothing was changed; the operator must check it")
        case .notFound:
            return APIError(status: .notFound, body: ErrorBody(error: .notFound, message: error.description))
        case .notAllowed:
            return APIError(status: .forbidden, body: ErrorBody(error: .forbidden, message: error.description))
        case .invalid, .importFailed, .alreadyInitialized:
            return APIError(status: .badRequest, body: ErrorBody(error: .badRequest, message: error.description))
        }
    }
}

extension ErrorCode {
    /// No such endpoint or record.
    static let notFound: ErrorCode = "not_found"
    /// The central store cannot serve now (read-only, locked, full disk); retry later.
    static let unavailable: ErrorCode = "unavailable"
}
