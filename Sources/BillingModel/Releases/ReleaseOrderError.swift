/// Why a release does not fit its system's timeline; one line that names both releases.
public enum ReleaseOrderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The new release starts before a release already held.
    case outOfOrder(system: CodeSystem, release: ReleasePeriod, existing: ReleasePeriod)
    /// The new release starts on the same day as one already held.
    case sameStart(system: CodeSystem, release: ReleasePeriod, existing: ReleasePeriod)
    /// A release already held has an end on or after the new release's start.
    case overlaps(system: CodeSystem, release: ReleasePeriod, existing: ReleasePeriod)
    /// The new release's last day is before its first.
    case endsBeforeStart(system: CodeSystem, release: ReleasePeriod)

    public var description: String {
        switch self {
        case .outOfOrder(let system, let release, let existing):
            return "\(system.readableName) release \(release.name) (from \(release.effectiveFrom)) is out of order: "
                + "release \(existing) starts later; import the releases of a system oldest first"
        case .sameStart(let system, let release, let existing):
            return "\(system.readableName) release \(release.name) overlaps release \(existing): both start on "
                + "\(release.effectiveFrom); give the new release its own --effective date"
        case .overlaps(let system, let release, let existing):
            return "\(system.readableName) release \(release.name) (from \(release.effectiveFrom)) overlaps release "
                + "\(existing); start it after \(existing.effectiveTo?.description ?? existing.effectiveFrom.description)"
        case .endsBeforeStart(let system, let release):
            return "\(system.readableName) release \(release.name) ends (\(release.effectiveTo?.description ?? "-")) "
                + "before it starts (\(release.effectiveFrom))"
        }
    }
}
