import CommandSupport

/// The outcome of `clinicsync doctor`: the checks, the worst result and the exit status.
public struct DoctorReport: Encodable, Sendable, Equatable {
    /// The store file checked.
    public var store: String
    /// `clinic` or `central`, when the store opened.
    public var role: String?
    /// The clinic id, when the store opened.
    public var clinicId: String?
    /// The worst result of all checks (`skip` counts as `ok`).
    public var result: HealthResult
    /// The exit code: 0 all ok, 1 a warning or a failed sync check, 3 the central node
    /// unreachable or unavailable, 4 a store problem (the most serious failure decides).
    public var exitCode: Int32
    /// Every check, in order.
    public var checks: [HealthCheck]

    /// The report of `checks` about `facts`' store.
    public init(facts: DoctorFacts, checks: [HealthCheck]) {
        self.init(store: facts.path, role: facts.role, clinicId: facts.clinicID, checks: checks)
    }

    /// The report of `checks` about `store` (a file, or a central database), whose role is
    /// `clinic`, `central` or `central-postgres`.
    public init(store: String, role: String?, clinicId: String?, checks: [HealthCheck]) {
        self.store = store
        self.role = role
        self.clinicId = clinicId
        self.checks = checks
        result = max(checks.map(\.result).max() ?? .ok, .ok)
        exitCode = Self.exitStatus(of: checks).rawValue
    }

    /// The exit status of a set of checks: 0 when all are ok or skipped, 1 on a warning,
    /// and on failure 4 if a store check failed, else 3 if reaching the node failed, else 1.
    public static func exitStatus(of checks: [HealthCheck]) -> ExitStatus {
        let failed = checks.filter { $0.result == .fail }
        if failed.contains(where: { $0.area == .store }) { return .store }
        if failed.contains(where: { $0.area == .network }) { return .unavailable }
        if !failed.isEmpty || checks.contains(where: { $0.result == .warn }) { return .findings }
        return .ok
    }

    /// The human report: a heading, one line per check (advice indented under it) and the verdict.
    public func rendered() -> String {
        let who = switch role {
        case "central": "central store"
        case "central-postgres": "central database"
        case "clinic": "clinic \(clinicId ?? "?")"
        default: "store"
        }
        var lines = ["\(who): \(store)"]
        let width = checks.map(\.id.count).max() ?? 0
        for check in checks {
            let label = check.id.replacingUnderscores.padded(to: width)
            lines.append("  \(check.result.rawValue.padded(to: 4))  \(label)  \(check.summary)")
            if let advice = check.advice, check.result > .ok {
                lines.append("  \(String(repeating: " ", count: 4))  \(String(repeating: " ", count: width))  -> \(advice)")
            }
        }
        let counts = [HealthResult.fail, .warn].compactMap { result -> String? in
            let count = checks.filter { $0.result == result }.count
            return count == 0 ? nil : "\(count) \(result.rawValue)"
        }
        lines.append("\(result.rawValue.uppercased())\(counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))"), exit \(exitCode)")
        return lines.map { TerminalText.clean($0) }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
    fileprivate func padded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
