/// Why the date a release takes effect could not be worked out; one line, naming what to give.
public enum ReleaseDateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// HCPCS, NCCI PTP and MUE releases are quarterly: `--effective` is required.
    case quarterly(system: CodeSystem, release: String)
    /// A yearly set whose year is neither given (`--year`) nor in the release name.
    case unknownYear(system: CodeSystem, release: String)
    /// A year that makes no date.
    case yearOutOfRange(Int)

    public var description: String {
        switch self {
        case .quarterly(let system, let release):
            return "\(system.readableName) releases are quarterly: give --effective YYYY-MM-DD for release \(release)"
        case .unknownYear(let system, let release):
            let example = system == .icd10cm ? "--year 2026 for FY2026, in force from 2025-10-01"
                                             : "--year 2026, in force from 2026-01-01"
            return "release \(release) names no year: give --effective YYYY-MM-DD or --year YYYY (\(example))"
        case .yearOutOfRange(let year):
            return "year \(year) is out of range"
        }
    }
}
