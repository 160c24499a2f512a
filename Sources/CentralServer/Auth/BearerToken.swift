import Foundation
import Hummingbird
import SyncModel

/// The token of an `Authorization: Bearer <token>` header.
enum BearerToken {
    /// The token, or a 401 `unauthorized` when the header is missing or not a bearer token.
    static func from(_ request: Request) throws -> String {
        guard let header = request.headers[.authorization] else {
            throw ErrorBody(error: .unauthorized, message: "missing bearer token: send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw ErrorBody(error: .unauthorized, message: "the Authorization header is not a bearer token")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.utf8.count <= 512 else {
            throw ErrorBody(error: .unauthorized, message: "the bearer token is not valid")
        }
        return token
    }
}
