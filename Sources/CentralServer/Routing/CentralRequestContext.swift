import Hummingbird
import Synchronization
import SyncModel

/// The per-request context of the central node: Hummingbird's core storage plus the clinic
/// the bearer token authenticated.
public struct CentralRequestContext: RequestContext {
    /// Hummingbird's storage (logger, route, parameters).
    public var coreContext: CoreRequestContextStorage
    /// The clinic the request's token authorizes, once ``ClinicAuthMiddleware`` has run.
    public var clinicID: String? {
        didSet { requester.clinicID = clinicID }
    }
    /// The schema version the request's header names, once ``SchemaVersionMiddleware`` has
    /// accepted it; `nil` when it named none.
    public var schemaVersion: Int?
    /// Shared with the outer logging middleware, which sees the context from before authentication.
    let requester: Requester

    /// A fresh context for one request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requester = Requester()
    }

    /// The authenticated clinic, or a 401 when the route was reached without one.
    func requireClinic() throws -> String {
        guard let clinicID else {
            throw ErrorBody(error: .unauthorized, message: "this endpoint needs a clinic bearer token")
        }
        return clinicID
    }
}

/// Who made a request, for the request log (a reference, so inner middleware can fill it in).
final class Requester: Sendable {
    private let value = Mutex<String?>(nil)

    /// The authenticated clinic id, if any.
    var clinicID: String? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
