import Hummingbird
import Logging

/// Catches every error below it (handlers, auth, the router's 404) and answers with the JSON
/// reply ``APIError/init(mapping:)`` makes, so no request ends without an ``ErrorBody``.
///
/// Unforeseen errors are logged by their type only: their text may carry SQL or values.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let mapped = APIError(mapping: error)
            if let outage = error as? CentralStorageUnavailable {
                context.logger.warning("central database unavailable", metadata: ["reason": "\(outage.reason)"])
            } else if mapped.isUnexpected {
                context.logger.error("request failed", metadata: ["error_type": "\(String(reflecting: type(of: error)))"])
            }
            return try mapped.response(from: request, context: context)
        }
    }
}
