import Foundation
import Hummingbird
import SyncModel
import SyncWire

/// `POST /v1/sync/push` and `GET /v1/sync/pull`: the clinic's token names the clinic, the
/// schema header must name a version the node serves (a pull is trimmed to it), the backend does
/// the rest in one transaction per request.
struct SyncRoutes {
    let backend: any CentralBackend
    let configuration: CentralServerConfiguration
    let metrics: ServerMetrics

    func register(on router: Router<CentralRequestContext>) {
        router.group("v1/sync")
            .add(middleware: ClinicAuthMiddleware(backend: backend))
            .add(middleware: SchemaVersionMiddleware(required: true, catalogue: configuration.catalogue))
            .post("push", use: push)
            .get("pull", use: pull)
            .get("standing", use: standing)
    }

    /// `GET /v1/sync/standing?site=SITE[&mark=SEQ]`: where the node stands with one of the
    /// clinic's sites, checked by the clinic before it pushes (issue 28).
    @Sendable func standing(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.requireClinic()
        guard let site = request.uri.queryParameters["site"], !site.isEmpty, site.utf8.count <= Self.maxSiteLength else {
            throw ErrorBody(error: .badRequest, message: "query parameter 'site' (the asking site's id) is required")
        }
        var markSeq: Int64?
        if let text = request.uri.queryParameters["mark"] {
            guard let value = Int64(text), value >= 0 else {
                throw ErrorBody(error: .badRequest, message: "query parameter 'mark' must be an integer, 0 or more")
            }
            markSeq = value
        }
        let standing = try await backend.siteStanding(for: clinicID, site: String(site), markSeq: markSeq)
        return try JSONReply(standing, gzip: false).response()
    }

    @Sendable func push(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.requireClinic()
        let body = try await RequestBody.bytes(of: request, limit: configuration.maxBodyBytes)
        let gzip = JSONReply.acceptsGzip(request), skewLimit = configuration.skewLimitMillis
        let push = try await Offload.run { try WireJSON.decode(PushRequest.self, from: body) }
        let reply = try await recording(.push, site: push.siteID, clinicID: clinicID, context: context) {
            let reply = try await backend.acceptPush(push, from: clinicID, skewLimitMillis: skewLimit)
            let refusals = Dictionary(reply.refused.map { ($0.reason.rawValue, 1) }, uniquingKeysWith: +)
            return (reply, reply.applied.count, reply.refused.count, refusals)
        }
        let encoded = try await Offload.run { try JSONReply(reply, gzip: gzip) }
        metrics.record(reply)
        return encoded.response()
    }

    @Sendable func pull(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.requireClinic()
        let query = try PullQuery(request.uri.queryParameters)
        let gzip = JSONReply.acceptsGzip(request)
        let page = try await recording(.pull, site: query.site, clinicID: clinicID, context: context) {
            let stored = try await backend.pull(for: clinicID, site: query.site, since: query.since, limit: query.limit)
            // A clinic one version behind gets only the tables and fields its version knows.
            let catalogue = configuration.catalogue
            let page = catalogue.trimmed(stored, for: context.schemaVersion ?? catalogue.version)
            return (page, page.changes.count, 0, [:])
        }
        let encoded = try await Offload.run { try JSONReply(page, gzip: gzip) }
        metrics.record(page)
        return encoded.response()
    }

    /// Runs a push or pull and records it as the site's sync activity, whether it went through
    /// or failed (with its error code). Recording never fails the request: a node that cannot
    /// record says so in its log.
    private func recording<T: Sendable>(
        _ kind: SyncActivity.Kind, site: String, clinicID: String, context: CentralRequestContext,
        _ work: () async throws -> (T, changes: Int, refused: Int, refusals: [String: Int])
    ) async throws -> T {
        let startedAt = backend.clock.nowMillis(), started = ContinuousClock.now
        func record(_ changes: Int, _ refused: Int, _ refusals: [String: Int], _ result: String) async {
            let elapsed = ContinuousClock.now - started
            let activity = SyncActivity(site: String(site.prefix(Self.maxSiteLength)), kind: kind, atMillis: startedAt,
                                        durationMillis: elapsed.components.seconds * 1000
                                            + elapsed.components.attoseconds / 1_000_000_000_000_000,
                                        changes: changes, refused: refused, result: result)
            do {
                try await backend.recordSyncActivity(activity, clinicID: clinicID, refusals: refusals)
            } catch {
                context.logger.warning("sync activity not recorded", metadata: ["clinic": "\(clinicID)", "error": "\(type(of: error))"])
            }
        }
        do {
            let (value, changes, refused, refusals) = try await work()
            await record(changes, refused, refusals, SyncActivity.ok)
            return value
        } catch {
            await record(0, 0, [:], APIError(mapping: error).body.error.rawValue)
            throw error
        }
    }

    /// Site ids are recorded up to this length (a longer one is refused by the sync itself).
    static let maxSiteLength = 200
}
