import ClinicStore
import Hummingbird
import SyncModel

/// The query of `GET /v1/sync/pull?since=N&limit=N&site=SITE`, checked.
struct PullQuery: Equatable {
    /// The clinic's cursor: the last server sequence it holds.
    var since: Int64
    /// The page size, clamped to 1…``LocalStore/maxPullLimit``.
    var limit: Int
    /// The pulling site, whose own changes are left out.
    var site: String

    /// Parses the query; a missing, non-integer or negative `since`/`limit`, or a missing
    /// `site`, is a 400 `bad_request` that names the parameter.
    init(_ parameters: Parameters) throws {
        since = try Self.count("since", in: parameters)
        let asked = try Self.count("limit", in: parameters)
        limit = Int(min(max(asked, 1), Int64(LocalStore.maxPullLimit)))
        guard let site = parameters["site"], !site.isEmpty, site.utf8.count <= 200 else {
            throw ErrorBody(error: .badRequest, message: "query parameter 'site' (the pulling site's id) is required")
        }
        self.site = String(site)
    }

    private static func count(_ name: String, in parameters: Parameters) throws -> Int64 {
        guard let text = parameters[Substring(name)] else {
            throw ErrorBody(error: .badRequest, message: "query parameter '\(name)' is required")
        }
        guard let value = Int64(text), value >= 0 else {
            throw ErrorBody(error: .badRequest, message: "query parameter '\(name)' must be an integer, 0 or more")
        }
        return value
    }
}
