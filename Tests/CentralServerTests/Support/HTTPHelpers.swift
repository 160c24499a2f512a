import CentralServer
import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import SyncWire

/// Request headers and reply decoding for the tests.
enum HTTP {
    static let schemaHeader = HTTPField.Name(WireProtocol.schemaHeader)!

    /// Headers of a sync request: bearer token (if any) and schema version (if any).
    static func headers(token: String?, schema: Int? = StoreMigrations.schemaVersion,
                        extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        if let token { fields[.authorization] = "Bearer \(token)" }
        if let schema { fields[schemaHeader] = String(schema) }
        return fields
    }

    /// JSON bytes of a value, as the client sends them.
    static func json(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: [UInt8](try JSONEncoder().encode(value)))
    }

    /// The reply body, inflated when it came gzipped.
    static func bytes(of response: TestResponse) throws -> [UInt8] {
        let raw = Array(response.body.readableBytesView)
        return response.headers[.contentEncoding] == "gzip" ? try Gzip.decompress(raw) : raw
    }

    /// The reply decoded as `type`.
    static func decode<T: Decodable>(_ type: T.Type, from response: TestResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(try bytes(of: response)))
    }

    /// The reply's ``ErrorBody``.
    static func error(of response: TestResponse) throws -> ErrorBody {
        try decode(ErrorBody.self, from: response)
    }
}

extension TestClientProtocol {
    /// `POST /v1/sync/push`.
    func push(_ request: PushRequest, token: String?, schema: Int? = StoreMigrations.schemaVersion) async throws -> TestResponse {
        try await execute(uri: "/v1/sync/push", method: .post, headers: HTTP.headers(token: token, schema: schema),
                          body: try HTTP.json(request))
    }

    /// `GET /v1/sync/pull`.
    func pull(since: Int64, limit: Int = 100, site: String, token: String?) async throws -> TestResponse {
        try await execute(uri: "/v1/sync/pull?since=\(since)&limit=\(limit)&site=\(site)", method: .get,
                          headers: HTTP.headers(token: token))
    }

    /// Syncs a clinic store through the HTTP API until push and pull are both empty, as the client does.
    func sync(_ clinic: LocalStore, token: String, batch: Int = 100, page: Int = 100) async throws {
        for _ in 0..<20 {
            var moved = false
            while let request = try clinic.nextPush(limit: batch) {
                let response = try await push(request, token: token)
                guard response.status == .ok else { throw ErrorBodyFailure(status: response.status.code, body: try? HTTP.error(of: response)) }
                try clinic.recordPush(try HTTP.decode(PushResponse.self, from: response))
                moved = true
            }
            var cursor = try clinic.syncStatus().cursor
            while true {
                let response = try await pull(since: cursor, limit: page, site: clinic.identity.siteID, token: token)
                guard response.status == .ok else { throw ErrorBodyFailure(status: response.status.code, body: try? HTTP.error(of: response)) }
                let pulled = try HTTP.decode(PullResponse.self, from: response)
                let report = try clinic.applyPull(pulled)
                if !pulled.changes.isEmpty { moved = moved || report.written > 0 || report.conflictsCreated > 0 }
                cursor = pulled.nextCursor
                if !pulled.hasMore { break }
            }
            if try clinic.nextPush() == nil && !moved { return }
        }
    }

    /// Whether the node still answers `/healthz` with 200.
    func isHealthy() async throws -> Bool {
        try await execute(uri: "/healthz", method: .get).status == .ok
    }
}

/// A sync step the node refused, for a readable test failure.
struct ErrorBodyFailure: Error, CustomStringConvertible {
    var status: Int
    var body: ErrorBody?
    var description: String { "HTTP \(status): \(body.map(String.init(describing:)) ?? "no error body")" }
}
