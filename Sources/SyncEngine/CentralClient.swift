import AsyncHTTPClient
import ClinicStore
import Foundation
import NIOCore
import NIOHTTP1
import SyncWire
import Synchronization
import SyncModel

/// The HTTP conversation with a central node (DESIGN §4): one method per endpoint, JSON in
/// and out, gzip for large bodies, typed errors. Holds no sync logic.
public final class CentralClient: Sendable {
    /// The central node's base URL (`https://central.example:8443`); endpoint paths are appended.
    public let serverURL: URL
    private let token: String
    private let http: HTTPClient
    private let timeout: TimeAmount
    private let clockReading = Mutex<CentralClockReading?>(nil)
    private let retry: RetryPolicy
    private let onRetry: (@Sendable (RetryNotice) -> Void)?
    private let jitter: @Sendable () -> Double
    private let sleep: @Sendable (Duration) async throws -> Void

    /// A client for `serverURL` authenticating with `token` (a clinic token or the admin token).
    ///
    /// A request the node answers with 503 is tried again as `retry` says (``RetryPolicy``);
    /// `onRetry` hears of each wait before it starts. `jitter` (a draw in `0.5 ..< 1.0`) and
    /// `sleep` are injected for tests.
    public init(serverURL: URL, token: String, timeoutSeconds: Int64 = 60, retry: RetryPolicy = .standard,
                onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.5..<1.0) },
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.serverURL = serverURL
        self.token = token
        self.retry = retry
        self.onRetry = onRetry
        self.jitter = jitter
        self.sleep = sleep
        var configuration = HTTPClient.Configuration()
        configuration.decompression = .enabled(limit: .ratio(200))
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(timeoutSeconds))
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = .seconds(timeoutSeconds)
    }

    /// The central node's clock as its latest reply (of any status) gave it, or `nil` before any.
    public var lastClockReading: CentralClockReading? { clockReading.withLock { $0 } }

    /// `GET /healthz`, for the central node's clock only (its `Date` header; the health itself,
    /// even a 503, does not matter): a request that needs no token and touches no data.
    public func centralClock() async throws -> CentralClockReading {
        let request = HTTPClientRequest(url: serverURL.appendingPathComponent("/healthz").absoluteString)
        do {
            let response = try await http.execute(request, timeout: timeout)
            _ = try await response.body.collect(upTo: 1 << 20)
            if let reading = record(response) { return reading }
        } catch {
            throw SyncError.transport(Self.describe(error))
        }
        throw SyncError.unexpectedResponse(status: 0, detail: "the central node's reply carries no Date header")
    }

    /// How far `clock` (this machine's) is from the central node's, read now with ``centralClock()``:
    /// the clock check `sync`, `status` and `doctor` share.
    public func clockDifference(from clock: any StoreClock,
                                limitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) async throws -> ClockDifference {
        let reading = try await centralClock()
        return ClockDifference(localMillis: clock.nowMillis(), centralMillis: reading.centralNowMillis,
                               limitMillis: limitMillis)
    }

    /// Keeps the clock a reply's `Date` header gives.
    @discardableResult
    private func record(_ response: HTTPClientResponse) -> CentralClockReading? {
        guard let header = response.headers.first(name: "Date"), let millis = HTTPDate.millis(header) else { return nil }
        let reading = CentralClockReading(centralMillis: millis + 500, receivedAt: .now)
        clockReading.withLock { $0 = reading }
        return reading
    }

    /// Closes the connection pool; call once when done.
    public func shutdown() async {
        try? await http.shutdown()
    }

    /// Runs `body` with a client that is shut down afterwards, whatever happens; `onRetry` hears
    /// of each request tried again after a 503 (``RetryPolicy/standard``).
    public static func with<T: Sendable>(serverURL: URL, token: String,
                                         onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
                                         _ body: (CentralClient) async throws -> T) async throws -> T {
        let client = CentralClient(serverURL: serverURL, token: token, onRetry: onRetry)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// `POST /v1/sync/push`.
    public func push(_ request: PushRequest) async throws -> PushResponse {
        try await push(PreparedPush(request))
    }

    /// `POST /v1/sync/push` of a request encoded beforehand.
    public func push(_ prepared: PreparedPush) async throws -> PushResponse {
        try await send(.POST, "/v1/sync/push", encoded: prepared.body)
    }

    /// `GET /v1/sync/pull`.
    public func pull(since: Int64, limit: Int, site: String) async throws -> PullResponse {
        try await send(.GET, "/v1/sync/pull", query: ["since": String(since), "limit": String(limit), "site": site],
                       body: Optional<Int>.none)
    }

    /// `GET /v1/sync/standing?site=SITE[&mark=SEQ]`: where the node stands with this clinic's
    /// `site` (and its log's mark at `mark`), or `nil` from a node too old to say (it answers
    /// 404; the sync goes on without the check).
    public func standing(site: String, mark: Int64? = nil) async throws -> SiteStanding? {
        var query = ["site": site]
        if let mark { query["mark"] = String(mark) }
        do {
            return try await send(.GET, "/v1/sync/standing", query: query, body: Optional<Int>.none)
        } catch SyncError.server(status: 404, _), SyncError.unexpectedResponse(status: 404, _) {
            return nil
        }
    }

    /// `GET /v1/codebooks/releases`: the releases the central node publishes.
    public func releases() async throws -> [CodeRelease] {
        try await send(.GET, "/v1/codebooks/releases", body: Optional<Int>.none)
    }

    /// `GET /v1/codebooks/releases/{id}`: one release as a bulk file.
    public func releaseFile(id: String) async throws -> ReleaseFile {
        try await send(.GET, "/v1/codebooks/releases/\(id)", body: Optional<Int>.none)
    }

    /// `GET /v1/codebooks/synonyms`: the central office's search synonyms, the whole set.
    public func synonyms() async throws -> [OfficeSynonym] {
        try await send(.GET, "/v1/codebooks/synonyms", body: Optional<Int>.none)
    }

    /// A clinic enrolled (or its token rotated) by the admin endpoint.
    public struct EnrolledClinic: Codable, Sendable {
        /// The enrolled clinic's id (`clinic_id` on the wire).
        public var clinicID: String
        /// The new bearer token, `CLINIC_ID.SECRET`; shown once, only its hash is kept centrally.
        public var token: String
        enum CodingKeys: String, CodingKey { case clinicID = "clinic_id", token }
    }

    /// `POST /v1/admin/clinics` with the admin token: enrolls or rotates (a revoked clinic only
    /// with `reinstate`); the token is shown once.
    public func enroll(clinicID: String, name: String?, reinstate: Bool = false) async throws -> EnrolledClinic {
        struct Body: Encodable {
            var clinic_id: String
            var name: String?
            var reinstate: Bool?
        }
        return try await send(.POST, "/v1/admin/clinics",
                              body: Body(clinic_id: clinicID, name: name, reinstate: reinstate ? true : nil))
    }

    /// `POST /v1/admin/clinics/{id}/rotate` with the admin token: a new token, the old one dead at once.
    public func rotate(clinicID: String) async throws -> EnrolledClinic {
        try await send(.POST, "/v1/admin/clinics/\(Self.pathSegment(clinicID))/rotate", body: Optional<Int>.none)
    }

    /// `GET /v1/admin/health` with the admin token: every enrolled clinic's sync health.
    public func clinicsHealth() async throws -> [ClinicHealth] {
        try await send(.GET, "/v1/admin/health", body: Optional<Int>.none)
    }

    /// `GET /v1/admin/clinics/{id}/health` with the admin token: one clinic, with its newest requests.
    public func clinicHealth(clinicID: String) async throws -> ClinicHealth {
        try await send(.GET, "/v1/admin/clinics/\(Self.pathSegment(clinicID))/health", body: Optional<Int>.none)
    }

    /// `id` percent-encoded for one path segment.
    private static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? id
    }

    /// `POST /v1/admin/clinics/{id}/revoke` with the admin token.
    public func revoke(clinicID: String) async throws {
        struct Revoked: Decodable { var revoked: Bool }
        let _: Revoked = try await send(.POST, "/v1/admin/clinics/\(clinicID)/revoke", body: Optional<Int>.none)
    }

    // MARK: - Transport

    private func send<Body: Encodable, Reply: Decodable>(_ method: HTTPMethod, _ path: String, query: [String: String] = [:],
                                                         body: Body?) async throws -> Reply {
        try await send(method, path, query: query, encoded: body.map { try RequestBody($0) })
    }

    /// One request, tried again after a 503 as ``RetryPolicy`` says.
    private func send<Reply: Decodable>(_ method: HTTPMethod, _ path: String, query: [String: String] = [:],
                                        encoded body: RequestBody?) async throws -> Reply {
        var attempt = 1
        while true {
            do {
                return try await sendOnce(method, path, query: query, encoded: body)
            } catch {
                guard let delay = retry.delay(after: attempt, failure: error, jitter: jitter()) else { throw error }
                if case .server(let status, let body)? = error as? SyncError {
                    onRetry?(RetryNotice(status: status, message: body.message, delay: delay, nextAttempt: attempt + 1,
                                         maxAttempts: retry.maxAttempts))
                }
                try await sleep(delay)
                attempt += 1
            }
        }
    }

    private func sendOnce<Reply: Decodable>(_ method: HTTPMethod, _ path: String, query: [String: String],
                                            encoded body: RequestBody?) async throws -> Reply {
        var components = URLComponents(url: serverURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        guard let url = components?.url else { throw SyncError.transport("bad server URL \(serverURL)") }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: WireProtocol.schemaHeader, value: String(WireProtocol.schemaVersion))
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            if body.gzipped { request.headers.add(name: "Content-Encoding", value: "gzip") }
            request.body = .bytes(ByteBuffer(bytes: body.bytes))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: timeout)
            record(response)
            bytes = try await response.body.collect(upTo: 1 << 30)
        } catch {
            throw SyncError.transport(Self.describe(error))
        }
        let data = Data(bytes.readableBytesView)
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            if let errorBody = try? JSONDecoder().decode(ErrorBody.self, from: data) {
                throw SyncError.server(status: status, body: errorBody)
            }
            throw SyncError.unexpectedResponse(status: status, detail: String(decoding: data.prefix(200), as: UTF8.self))
        }
        do {
            return try WireJSON.decode(Reply.self, from: [UInt8](data))
        } catch {
            throw SyncError.unexpectedResponse(status: status, detail: "the reply is not the expected JSON")
        }
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) : text
    }
}
