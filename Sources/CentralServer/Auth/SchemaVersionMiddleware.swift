import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import SyncModel

/// Refuses a request whose `ClinicSync-Schema-Version` differs from this node's store schema
/// with 409 `schema_mismatch`, saying which side to upgrade. Where the header is required
/// (sync routes), a missing one counts as version 0.
struct SchemaVersionMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext
    /// The header every sync request carries.
    static let header = HTTPField.Name("ClinicSync-Schema-Version")!
    /// Whether a request without the header is refused.
    let required: Bool

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.headers[Self.header] {
        case nil:
            if required { throw ErrorBody.schemaMismatch(client: 0) }
        case let text?:
            guard let version = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ErrorBody(error: .badRequest, message: "ClinicSync-Schema-Version must be an integer")
            }
            guard version == StoreMigrations.schemaVersion else { throw ErrorBody.schemaMismatch(client: version) }
        }
        return try await next(request, context)
    }
}
