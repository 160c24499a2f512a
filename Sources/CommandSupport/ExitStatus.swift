/// The exit codes of `clinicsync`, one table for every command (README, "Exit codes").
///
/// Scripts and schedulers can tell apart a finding (something to look at), a mistyped
/// command, a central node that cannot be reached and a store that cannot be used.
public enum ExitStatus: Int32, CaseIterable, Sendable, Codable {
    /// Done, and nothing to report.
    case ok = 0
    /// The command ran and found or was refused something: `claim check` errors, a `doctor`
    /// warning or failed check, a value the store refuses, a record not found or not allowed,
    /// a refused request or import.
    case findings = 1
    /// The command line is wrong: an unknown command or option, a missing argument, an option
    /// value that does not parse or is out of range.
    case usage = 2
    /// The central node (or its database) cannot be reached or is unavailable; try again later.
    case unavailable = 3
    /// The store cannot be used: missing, damaged, read-only, locked, full, or newer than this program.
    case store = 4

    /// One line for the exit-code table of `--help`, the manual and the README.
    public var meaning: String {
        switch self {
        case .ok: return "success"
        case .findings: return "findings: a check failed or warned, or the command was refused"
        case .usage: return "usage: the command line is wrong (unknown option, bad argument)"
        case .unavailable: return "network: the central node or its database is unavailable"
        case .store: return "store problem: missing, damaged, read-only, locked, full or newer"
        }
    }

    /// The table as text, one `CODE  MEANING` line per status.
    public static var table: String {
        allCases.map { "\($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }
}
