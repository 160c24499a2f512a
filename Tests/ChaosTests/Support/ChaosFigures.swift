import CLITesting
import Foundation

/// The figures the reliability tests report (issue 5): one `[chaos]` line per test on stdout,
/// so that a run's log carries crashes injected, hostile inputs tried, fuzzing cases and data lost.
enum ChaosFigures {
    static func report(_ test: String, _ figures: KeyValuePairs<String, Int>) {
        let text = figures.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print("[chaos] \(test): \(text)")
    }
}

extension ChaosWorld {
    /// Runs a sync that must succeed.
    func requireSync(_ site: Site) throws {
        let exit = try sync(site)
        guard exit.succeeded else { throw ChildFailure(what: "sync of \(site.name)", exit: exit) }
    }
}
