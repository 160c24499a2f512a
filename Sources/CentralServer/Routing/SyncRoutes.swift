import ClinicStore
import Foundation
import Hummingbird
import SyncModel

/// `POST /v1/sync/push` and `GET /v1/sync/pull`: the clinic's token names the clinic, the
/// schema header must match, the store does the rest in one transaction per request.
struct SyncRoutes {
    let runner: StoreRunner
    let configuration: CentralServerConfiguration
    let metrics: ServerMetrics

    func register(on router: Router<CentralRequestContext>) {
        router.group("v1/sync")
            .add(middleware: ClinicAuthMiddleware(runner: runner))
            .add(middleware: SchemaVersionMiddleware(required: true))
            .post("push", use: push)
            .get("pull", use: pull)
    }

    @Sendable func push(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.requireClinic()
        let body = try await RequestBody.bytes(of: request, limit: configuration.maxBodyBytes)
        let gzip = JSONReply.acceptsGzip(request), skewLimit = configuration.skewLimitMillis
        let (reply, encoded) = try await runner.run { store in
            let push = try JSONDecoder().decode(PushRequest.self, from: Data(body))
            let reply = try store.acceptPush(push, from: clinicID, skewLimitMillis: skewLimit)
            return (reply, try JSONReply(reply, gzip: gzip))
        }
        metrics.record(reply)
        return encoded.response()
    }

    @Sendable func pull(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.requireClinic()
        let query = try PullQuery(request.uri.queryParameters)
        let gzip = JSONReply.acceptsGzip(request)
        let (page, encoded) = try await runner.run { store in
            let page = try store.pull(for: clinicID, site: query.site, since: query.since, limit: query.limit)
            return (page, try JSONReply(page, gzip: gzip))
        }
        metrics.record(page)
        return encoded.response()
    }
}
