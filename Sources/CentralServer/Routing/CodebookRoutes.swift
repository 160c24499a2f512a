import Hummingbird
import SyncWire

/// `GET /v1/codebooks/releases` and `GET /v1/codebooks/releases/{id}`: the code releases the
/// central office publishes, for any enrolled clinic; a release travels as one bulk file.
/// `GET /v1/codebooks/synonyms`: the central office's search synonyms, the whole set each time.
struct CodebookRoutes {
    let backend: any CentralBackend

    func register(on router: Router<CentralRequestContext>) {
        router.group("v1/codebooks")
            .add(middleware: ClinicAuthMiddleware(backend: backend))
            .add(middleware: SchemaVersionMiddleware(required: false))
            .get("releases", use: releases)
            .get("releases/{id}", use: release)
            .get("synonyms", use: synonyms)
    }

    @Sendable func releases(_ request: Request, context: CentralRequestContext) async throws -> Response {
        _ = try context.requireClinic()
        let gzip = JSONReply.acceptsGzip(request)
        let releases = try await backend.publishedReleases()
        return try await Offload.run { try JSONReply(releases, gzip: gzip) }.response()
    }

    @Sendable func release(_ request: Request, context: CentralRequestContext) async throws -> Response {
        _ = try context.requireClinic()
        let id = try context.parameters.require("id")
        let gzip = JSONReply.acceptsGzip(request)
        let file = try await backend.releaseFile(id: id)
        return try await Offload.run { try JSONReply(file, gzip: gzip) }.response()
    }

    @Sendable func synonyms(_ request: Request, context: CentralRequestContext) async throws -> Response {
        _ = try context.requireClinic()
        let gzip = JSONReply.acceptsGzip(request)
        let synonyms = try await backend.publishedSynonyms()
        return try await Offload.run { try JSONReply(synonyms, gzip: gzip) }.response()
    }
}
