import ClinicStore
import Foundation
import SyncEngine
import SyncModel

/// The one request `clinicsync doctor` sends: a pull of at most one change after this
/// clinic's cursor, which proves the node reachable and the token accepted and carries the
/// node's clock. It reads; it changes nothing on either side.
public enum RemoteProbe {
    /// Asks the node the store is set up for; `.notConfigured` without `remote set`.
    public static func ask(_ store: LocalStore, clock: any StoreClock, timeoutSeconds: Int64 = 15) async -> DoctorFacts.RemoteAnswer {
        guard let remote = try? store.remote(), let url = URL(string: remote.serverURL),
              let cursor = try? store.syncStatus().cursor else { return .notConfigured }
        let site = store.identity.siteID
        // The node's state now: a 503 is the answer doctor reports, not something to wait out.
        let client = CentralClient(serverURL: url, token: remote.token, timeoutSeconds: timeoutSeconds, retry: .once)
        let before = clock.nowMillis()
        do {
            let page = try await client.pull(since: cursor, limit: 1, site: site)
            let after = clock.nowMillis()
            await client.shutdown()
            return .accepted(clockDifferenceMillis: before + (after - before) / 2 - page.serverClock.millis)
        } catch let error as SyncError {
            await client.shutdown()
            return answer(for: error)
        } catch {
            await client.shutdown()
            return .unreachable(String(describing: error))
        }
    }

    /// The answer a sync error stands for.
    static func answer(for error: SyncError) -> DoctorFacts.RemoteAnswer {
        switch error {
        case .transport(let detail): return .unreachable(plainReason(detail))
        case .server(let status, let body) where status >= 500: return .unavailable(status: status, message: body.message)
        case .server(let status, let body): return .refused(status: status, code: body.error.rawValue, message: body.message)
        case .unexpectedResponse(let status, let detail) where status >= 500: return .unavailable(status: status, message: detail)
        case .unexpectedResponse(let status, let detail): return .refused(status: status, code: "unexpected", message: detail)
        case .noRemote: return .notConfigured
        case .didNotSettle: return .unreachable(error.description)
        }
    }

    /// The network library's description of a failed connection in a few plain words
    /// (`connection refused`, `timed out`, `unknown host`), or the description itself.
    public static func plainReason(_ detail: String) -> String {
        let lower = detail.lowercased()
        let reasons: [(needles: [String], reason: String)] = [
            (["connection refused", "errno: 111"], "connection refused"),
            (["timeout", "timed out"], "timed out"),
            (["unknown host", "name or service not known", "could not resolve", "no address", "lookup"], "unknown host"),
            (["network is unreachable", "no route to host"], "no route to the host"),
            (["ssl", "tls", "certificate", "handshake"], "TLS handshake failed"),
        ]
        return reasons.first { $0.needles.contains(where: lower.contains) }?.reason ?? detail
    }
}
