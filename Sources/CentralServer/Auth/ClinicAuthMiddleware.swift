import Hummingbird
import SyncModel

/// Lets a request through only with an enrolled, unrevoked clinic's bearer token, and puts
/// that clinic in the context: the only clinic the request may act for.
struct ClinicAuthMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext
    let backend: any CentralBackend

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let token = try BearerToken.from(request)
        guard let clinicID = try await backend.authenticate(token: token) else {
            throw ErrorBody(error: .unauthorized, message: "the bearer token is not valid (unknown, revoked or forged)")
        }
        var context = context
        context.clinicID = clinicID
        return try await next(request, context)
    }
}
