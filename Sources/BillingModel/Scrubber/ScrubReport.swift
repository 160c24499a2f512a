/// The findings of one scrub as they accumulate, plus the dates on which a system had no
/// release in force (reported once per system at the end).
struct ScrubReport {
    private(set) var findings: [ScrubFinding] = []
    private var missingReleases: [CodeSystem: Set<CalendarDate>] = [:]

    mutating func add(_ rule: ScrubRule, line: Int? = nil, _ message: String) {
        findings.append(ScrubFinding(rule: rule, lineNumber: line, message: message))
    }

    /// Whether `reference` has a release of `system` on `date`; remembers when it has not.
    mutating func hasRelease(of system: CodeSystem, on date: CalendarDate, in reference: any CodeReference) -> Bool {
        if reference.hasRelease(of: system, on: date) { return true }
        missingReleases[system, default: []].insert(date)
        return false
    }

    /// The findings, one ``ScrubRule/noRelease`` warning per system without a release,
    /// sorted: claim-level first, then by line; errors before warnings; otherwise in the
    /// order the rules ran.
    func sortedFindings() -> [ScrubFinding] {
        var all = findings
        for system in missingReleases.keys.sorted() {
            let dates = missingReleases[system, default: []].sorted().map(\.description)
            let shown = dates.count <= 3 ? dates.joined(separator: ", ")
                : dates.prefix(3).joined(separator: ", ") + " and \(dates.count - 3) other dates"
            let what = system.hasCodeList ? "\(system.readableName) codes were only checked for format"
                                          : "\(system == .mue ? "MUE limits" : "NCCI edits") were not checked"
            all.append(ScrubFinding(rule: .noRelease, message:
                "No \(system.rawValue) release is in force on \(shown); \(what)."))
        }
        return all.enumerated().sorted { a, b in
            let keyA = (a.element.lineNumber ?? 0, a.element.severity == .error ? 0 : 1, a.offset)
            let keyB = (b.element.lineNumber ?? 0, b.element.severity == .error ? 0 : 1, b.offset)
            return keyA < keyB
        }.map(\.element)
    }
}
