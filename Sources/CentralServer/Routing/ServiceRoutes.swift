import ClinicStore
import Hummingbird

/// `GET /healthz` and `GET /metrics`: open, no token, no store work.
struct ServiceRoutes {
    let metrics: ServerMetrics

    func register(on router: Router<CentralRequestContext>) {
        router.get("healthz", use: health)
        router.get("metrics", use: exposition)
    }

    @Sendable func health(_ request: Request, context: CentralRequestContext) throws -> Response {
        try JSONReply(HealthStatus(status: "ok", schemaVersion: StoreMigrations.schemaVersion), gzip: false).response()
    }

    @Sendable func exposition(_ request: Request, context: CentralRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }
}
