import ClinicStore
import Hummingbird

/// The central node's router: every route of `Schemas/openapi.yaml` behind request logging,
/// metrics and the single error mapping (``APIError``).
///
/// - `POST /v1/sync/push`, `GET /v1/sync/pull` — clinic token, schema header required;
/// - `GET /v1/codebooks/releases`, `GET /v1/codebooks/releases/{id}`, `GET /v1/codebooks/synonyms` — clinic token;
/// - `POST /v1/admin/clinics`, `GET /v1/admin/clinics`, `POST /v1/admin/clinics/{id}/revoke`,
///   `POST /v1/admin/clinics/{id}/rotate`, `GET /v1/admin/clinics/{id}/health`, `GET /v1/admin/health` — admin token;
/// - `GET /healthz`, `GET /metrics` — open.
///
/// The storage work goes to `backend`; JSON and gzip work runs on NIO's thread pool, never on
/// an event loop.
public func buildRouter(backend: any CentralBackend, configuration: CentralServerConfiguration,
                        metrics: ServerMetrics = ServerMetrics()) -> Router<CentralRequestContext> {
    let router = Router(context: CentralRequestContext.self)
    router.add(middleware: RequestLogMiddleware(metrics: metrics))
    router.add(middleware: ErrorMiddleware())
    ServiceRoutes(backend: backend, metrics: metrics).register(on: router)
    SyncRoutes(backend: backend, configuration: configuration, metrics: metrics).register(on: router)
    CodebookRoutes(backend: backend).register(on: router)
    AdminRoutes(backend: backend, configuration: configuration).register(on: router)
    return router
}

/// The router over the SQLite central store (``StoreBackend``).
public func buildRouter(store: LocalStore, configuration: CentralServerConfiguration,
                        metrics: ServerMetrics = ServerMetrics()) -> Router<CentralRequestContext> {
    buildRouter(backend: StoreBackend(store: store), configuration: configuration, metrics: metrics)
}
