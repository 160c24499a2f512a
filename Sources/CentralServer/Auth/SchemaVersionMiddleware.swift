import Foundation
import HTTPTypes
import Hummingbird
import SyncModel
import SyncWire

/// Refuses a request whose `ClinicSync-Schema-Version` this node does not serve (two or more
/// versions behind it, or newer: ``SyncCatalogue/checkServes(client:)``) with 409
/// `schema_mismatch`, saying which side to upgrade, and keeps the version in the context (a
/// pull is trimmed to it). Where the header is required (sync routes), a missing one counts as
/// version 0.
struct SchemaVersionMiddleware: RouterMiddleware {
    typealias Context = CentralRequestContext
    /// The header every sync request carries.
    static let header = HTTPField.Name(WireProtocol.schemaHeader)!
    /// Whether a request without the header is refused.
    let required: Bool
    /// The synced tables the node serves (its version decides which clinics it serves).
    var catalogue: SyncCatalogue = .current

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.headers[Self.header] {
        case nil:
            if required { throw ErrorBody.schemaMismatch(client: 0, node: catalogue.version) }
            return try await next(request, context)
        case let text?:
            guard let version = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ErrorBody(error: .badRequest, message: "ClinicSync-Schema-Version must be an integer")
            }
            try catalogue.checkServes(client: version)
            var context = context
            context.schemaVersion = version
            return try await next(request, context)
        }
    }
}
