import SyncModel

/// Why a sync (or an admin call) could not finish, as one line a person can act on.
/// Never carries a token.
public enum SyncError: Error, CustomStringConvertible, Sendable {
    /// The store has no server and token: `clinicsync remote set`.
    case noRemote
    /// The central node answered with an error.
    case server(status: Int, body: ErrorBody)
    /// The central node answered something that is not ClinicSync's JSON.
    case unexpectedResponse(status: Int, detail: String)
    /// The network failed (connection refused, timeout, TLS).
    case transport(String)
    /// The sync did not settle after many rounds (a peer keeps changing the data).
    case didNotSettle(rounds: Int)

    /// Whether the central node refused a push because a change is stamped too far ahead of its clock.
    public var isClockSkew: Bool {
        if case .server(_, let body) = self { return body.error == .clockSkew }
        return false
    }

    public var description: String {
        switch self {
        case .noRemote:
            return "no central node configured: run `clinicsync remote set --server URL --token TOKEN` or pass --server and --token"
        case .server(let status, let body):
            return "the central node refused the request (HTTP \(status), \(body.error)): \(body.message)"
        case .unexpectedResponse(let status, let detail):
            return "unexpected answer from the central node (HTTP \(status)): \(detail)"
        case .transport(let detail):
            return "cannot reach the central node: \(detail); your work is safe locally, sync again later"
        case .didNotSettle(let rounds):
            return "the sync did not settle after \(rounds) rounds; run it again"
        }
    }
}
