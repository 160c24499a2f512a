/// How one check of `clinicsync doctor` came out.
public enum HealthResult: String, Codable, Sendable, Comparable, CaseIterable {
    /// Not applicable or not possible here (e.g. the token when the node cannot be reached).
    case skipped = "skip"
    /// Healthy.
    case ok
    /// Works, but needs a look soon.
    case warn
    /// Broken: the store cannot be trusted or cannot sync until this is fixed.
    case fail

    private var rank: Int {
        switch self {
        case .skipped: return 0
        case .ok: return 1
        case .warn: return 2
        case .fail: return 3
        }
    }

    /// `skip < ok < warn < fail`: the worst result is the maximum.
    public static func < (lhs: HealthResult, rhs: HealthResult) -> Bool { lhs.rank < rhs.rank }
}

/// What a check is about, which decides the exit code when it fails.
public enum HealthArea: String, Codable, Sendable {
    /// The store file itself (integrity, schema, disk, modes): exit 4 when failed.
    case store
    /// Reaching the central node: exit 3 when failed.
    case network
    /// Everything else (token, clock, outbox, last sync, refusals, conflicts): exit 1.
    case sync
}

/// One line of `clinicsync doctor`: what was checked, what was found and what to do.
public struct HealthCheck: Codable, Sendable, Equatable {
    /// A stable name for scripts: `integrity`, `schema`, `disk`, `file_mode`, `remote`,
    /// `token`, `clock`, `outbox`, `last_sync`, `refused`, `conflicts` (or `store`).
    public var id: String
    /// The result.
    public var result: HealthResult
    /// What decides the exit code on failure.
    public var area: HealthArea
    /// What was found, one line, no PHI and no secret.
    public var summary: String
    /// What to do about it, one line; `nil` when there is nothing to do.
    public var advice: String?

    /// A check's outcome.
    public init(id: String, result: HealthResult, area: HealthArea, summary: String, advice: String? = nil) {
        self.id = id
        self.result = result
        self.area = area
        self.summary = summary
        self.advice = advice
    }
}
