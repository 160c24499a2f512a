import ClinicStore
import Crypto
import Hummingbird
import SyncModel

/// Lets a request through only with the admin token `serve` was given, compared in constant
/// time; refuses everything when no admin token is configured.
struct AdminAuthMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext
    /// SHA-256 of the admin token, or `nil` when admin endpoints are off.
    private let expectedDigest: [UInt8]?

    init(adminToken: String?) {
        expectedDigest = adminToken.flatMap { $0.isEmpty ? nil : Self.digest($0) }
    }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let expectedDigest else {
            throw ErrorBody(error: .unauthorized,
                            message: "admin endpoints are disabled: start serve with --admin-token-file")
        }
        let token = try BearerToken.from(request)
        // Comparing digests keeps the time independent of the token's length and content.
        guard LocalStore.constantTimeEqual(Self.digest(token), expectedDigest) else {
            throw ErrorBody(error: .unauthorized, message: "the admin token is not valid")
        }
        return try await next(request, context)
    }

    private static func digest(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }
}
