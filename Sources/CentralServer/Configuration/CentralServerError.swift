/// Why the central node cannot start, as one line that says what to fix.
public enum CentralServerError: Error, Equatable, CustomStringConvertible {
    /// Only one of the certificate and the key was given.
    case tlsIncomplete(missing: String)
    /// A TLS file is missing, unreadable or not PEM.
    case tlsFileUnreadable(path: String, reason: String)
    /// The port is outside 0…65535.
    case invalidPort(Int)
    /// The host is empty.
    case invalidHost
    /// A limit is zero or negative.
    case invalidLimit(name: String, value: Int64)
    /// `serve` was pointed at a clinic store.
    case notACentralStore(path: String)

    public var description: String {
        switch self {
        case .tlsIncomplete(let missing):
            return "TLS needs both --tls-cert and --tls-key; \(missing) is missing"
        case .tlsFileUnreadable(let path, let reason):
            return "cannot use \(path) for TLS: \(reason)"
        case .invalidPort(let port):
            return "port \(port) is not between 0 and 65535"
        case .invalidHost:
            return "the host to listen on is empty"
        case .invalidLimit(let name, let value):
            return "\(name) must be more than 0 (got \(value))"
        case .notACentralStore(let path):
            return "\(path) is a clinic store; serve needs a central store (create one with `clinicsync init --central`)"
        }
    }
}
