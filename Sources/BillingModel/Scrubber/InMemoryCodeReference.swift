/// A ``CodeReference`` over releases held in memory.
///
/// On a date, the release of a system in force is the one covering the date that started
/// last (so a mid-year update supersedes the yearly release without closing it).
public struct InMemoryCodeReference: CodeReference {
    /// Releases per system, latest start first.
    private let releasesBySystem: [CodeSystem: [Release]]

    /// Builds the reference from any number of releases of any systems.
    public init(releases: [Release]) {
        releasesBySystem = Dictionary(grouping: releases, by: \.system)
            .mapValues { $0.sorted { $0.effectiveFrom > $1.effectiveFrom } }
    }

    /// The release of `system` in force on `date`, if any.
    public func release(of system: CodeSystem, on date: CalendarDate) -> Release? {
        releasesBySystem[system]?.first { $0.covers(date) }
    }

    /// Whether a release of `system` covers `date`.
    public func hasRelease(of system: CodeSystem, on date: CalendarDate) -> Bool {
        release(of: system, on: date) != nil
    }

    /// The code's entry in the release of `system` in force on `date`.
    public func entry(for code: String, in system: CodeSystem, on date: CalendarDate) -> CodeEntry? {
        release(of: system, on: date)?.codes[code]
    }

    /// The edit for the ordered pair in the NCCI release in force on `date`, when the edit
    /// itself applies on `date`.
    public func ncciEdit(column1: String, column2: String, on date: CalendarDate) -> NCCIEdit? {
        let pair = Release.CodePair(column1: column1, column2: column2)
        return release(of: .ncciPTP, on: date)?.edits[pair]?.first { $0.isInForce(on: date) }
    }

    /// The name and period of the release of `system` in force on `date`.
    public func releaseInForce(of system: CodeSystem, on date: CalendarDate) -> ReleasePeriod? {
        release(of: system, on: date)?.period
    }

    /// When `code`, missing from the release of `system` in force on `date`, was deleted.
    public func deletion(of code: String, in system: CodeSystem, on date: CalendarDate) -> CodeDeletion? {
        guard let inForce = release(of: system, on: date), !inForce.lists(code),
              let all = releasesBySystem[system] else { return nil }
        let byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return CodeDeletion.find(code, system: system, inForce: inForce.period, history: all.map(\.period)) {
            byName[$0]?.lists(code) ?? false
        }
    }

    /// The code's limit in the MUE release in force on `date`.
    public func mueLimit(for code: String, on date: CalendarDate) -> MUELimit? {
        release(of: .mue, on: date)?.limits[code]
    }
}
