import ClinicStore
import Foundation
import Hummingbird
import SyncModel

/// `POST /v1/sync/push` and `GET /v1/sync/pull`: the clinic's token names the clinic, the
/// schema header must match, the backend does the rest in one transaction per request.
struct SyncRoutes {
    let backend: any CentralBackend
    let configuration: CentralServerConfiguration
    let metrics: ServerMetrics

    func register(on router: Router<CentralRequestContext>) {
        router.group("v1/sync")
            .add(middleware: ClinicAuthMiddleware(backend: backend))
            .add(middleware: SchemaVersionMiddleware(required: true))
            .post("push", use: push)
            .get("pull", use: pull)
    }

    @Sendable func push(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.requireClinic()
        let body = try await RequestBody.bytes(of: request, limit: configuration.maxBodyBytes)
        let gzip = JSONReply.acceptsGzip(request), skewLimit = configuration.skewLimitMillis
        let push = try await Offload.run { try WireJSON.decode(PushRequest.self, from: body) }
        let reply = try await backend.acceptPush(push, from: clinicID, skewLimitMillis: skewLimit)
        let encoded = try await Offload.run { try JSONReply(reply, gzip: gzip) }
        metrics.record(reply)
        return encoded.response()
    }

    @Sendable func pull(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.requireClinic()
        let query = try PullQuery(request.uri.queryParameters)
        let gzip = JSONReply.acceptsGzip(request)
        let page = try await backend.pull(for: clinicID, site: query.site, since: query.since, limit: query.limit)
        let encoded = try await Offload.run { try JSONReply(page, gzip: gzip) }
        metrics.record(page)
        return encoded.response()
    }
}
