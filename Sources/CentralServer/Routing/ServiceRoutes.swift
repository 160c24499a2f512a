import ClinicStore
import Hummingbird

/// `GET /healthz` and `GET /metrics`: open, no token. `/healthz` asks the backend whether it
/// can serve (the SQLite store always can; PostgreSQL answers a ping) and says 503 when not,
/// so a load balancer sends clinics elsewhere.
struct ServiceRoutes {
    let backend: any CentralBackend
    let metrics: ServerMetrics

    func register(on router: Router<CentralRequestContext>) {
        router.get("healthz", use: health)
        router.get("metrics", use: exposition)
    }

    @Sendable func health(_ request: Request, context: CentralRequestContext) async throws -> Response {
        do {
            try await backend.checkHealth()
        } catch let outage as CentralStorageUnavailable {
            context.logger.warning("health check failed", metadata: ["reason": "\(outage.reason)"])
            return try JSONReply(HealthStatus(status: "unavailable", schemaVersion: StoreMigrations.schemaVersion), gzip: false)
                .response(status: .serviceUnavailable)
        }
        return try JSONReply(HealthStatus(status: "ok", schemaVersion: StoreMigrations.schemaVersion), gzip: false).response()
    }

    @Sendable func exposition(_ request: Request, context: CentralRequestContext) async -> Response {
        // The per-clinic gauges, read afresh; without storage the rest is still served.
        do {
            metrics.record(clinics: try await backend.clinicHealth(clinicID: nil, recentLimit: nil, records: false),
                           nowMillis: backend.clock.nowMillis())
        } catch {
            context.logger.warning("clinic gauges not updated", metadata: ["error": "\(type(of: error))"])
        }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }
}
