import Hummingbird
import Logging

/// Logs and counts every request: method, route template, status, duration and clinic id.
/// Never the path's values, the query, headers (tokens) or bodies (PHI).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ErrorMiddleware answers everything below it; this is a last resort.
            response = try APIError(mapping: error).response(from: request, context: context)
        }
        let elapsed = ContinuousClock.now - start
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        let method = ServerMetrics.methodLabel(request.method.rawValue)
        metrics.recordRequest(route: route, method: method, status: Int(response.status.code),
                              nanoseconds: nanoseconds)
        var metadata: Logger.Metadata = [
            "method": "\(method)", "route": "\(route)", "status": "\(response.status.code)",
            "duration_ms": "\(Double(nanoseconds / 1000) / 1000)",
        ]
        if let clinic = context.requester.clinicID { metadata["clinic"] = "\(clinic)" }
        context.logger.info("request", metadata: metadata)
        return response
    }
}
