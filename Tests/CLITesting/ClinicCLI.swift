import Foundation

/// One clinic store driven through the built `clinicsync`, as a coder types it, with the
/// machine's clock as wrong as a test says (`CLINICSYNC_CLOCK_OFFSET_MS`, the CLI's test-only
/// clock shift): the stage of the clock-trouble tests (issue 27), whatever the central node.
public struct ClinicCLI: Sendable {
    /// A day, in milliseconds.
    public static let day: Int64 = 86_400_000

    /// The folder commands run in.
    public let folder: URL
    /// The clinic's store file.
    public let store: String

    /// A clinic store path in `folder` (created by ``setUp(clinic:server:token:clockOffset:)``).
    public init(folder: URL, name: String = "clinic") {
        self.folder = folder
        self.store = folder.appendingPathComponent("\(name).sqlite").path
    }

    /// Runs `clinicsync ARGS --store STORE` with the clock shifted by `clockOffset` milliseconds.
    @discardableResult
    public func run(_ arguments: [String], clockOffset: Int64 = 0) throws -> ChildProcess.Exit {
        try Clinicsync.run(arguments + ["--store", store], in: folder,
                           environment: ["CLINICSYNC_CLOCK_OFFSET_MS": String(clockOffset), "CLINICSYNC_USER": "coder"])
    }

    /// Runs a command that must succeed with `--json`; returns its parsed output.
    public func json(_ arguments: [String], clockOffset: Int64 = 0) throws -> Any {
        let exit = try run(arguments + ["--json"], clockOffset: clockOffset)
        guard exit.status == 0, !exit.killedBySignal else {
            throw ChildFailure(what: "clinicsync \(arguments.joined(separator: " "))", exit: exit)
        }
        return try exit.json()
    }

    /// The `id` of the record a creating command printed.
    public func create(_ arguments: [String], clockOffset: Int64 = 0) throws -> String {
        guard let id = (try json(arguments, clockOffset: clockOffset) as? [String: Any])?["id"] as? String else {
            throw ChildFailure(what: "no id from clinicsync \(arguments.joined(separator: " "))",
                               exit: try run(arguments, clockOffset: clockOffset))
        }
        return id
    }

    /// `init`, `remote set`, a provider, a payer, a patient and a claim; returns the claim id.
    public func setUp(clinic: String, server: URL, token: String, clockOffset: Int64 = 0) throws -> String {
        _ = try json(["init", "--clinic", clinic], clockOffset: clockOffset)
        _ = try json(["remote", "set", "--server", server.absoluteString, "--token", token], clockOffset: clockOffset)
        _ = try json(["provider", "add", "--npi", "1234567893", "--name", "Clinic"], clockOffset: clockOffset)
        _ = try json(["payer", "add", "--payer-id", "PAYER01", "--name", "Plan"], clockOffset: clockOffset)
        let patient = try addPatient("Seed", clockOffset: clockOffset)
        return try create(["claim", "new", "--patient", patient, "--payer", "PAYER01", "--billing-npi", "1234567893",
                           "--dx", "I10"], clockOffset: clockOffset)
    }

    /// A new patient named `last`; returns its id.
    public func addPatient(_ last: String, clockOffset: Int64 = 0) throws -> String {
        try create(["patient", "add", "--first", "Pat", "--last", last, "--dob", "1970-01-01", "--sex", "F",
                    "--member-id", "M-\(last)"], clockOffset: clockOffset)
    }

    /// `sync --json`, which must succeed; returns its summary.
    public func sync(clockOffset: Int64 = 0) throws -> (summary: [String: Any], exit: ChildProcess.Exit) {
        let exit = try run(["sync", "--json"], clockOffset: clockOffset)
        guard exit.status == 0, let summary = try? exit.json() as? [String: Any] else {
            throw ChildFailure(what: "clinicsync sync", exit: exit)
        }
        return (summary, exit)
    }

    /// The issue's story: one patient and a claim note typed while the clock is 30 days ahead, the
    /// clock put right, another patient and note, then a sync. Returns what a test checks.
    public func clockJumpedAheadThenCorrected(claim: String) throws -> AheadStory {
        let ahead = 30 * Self.day
        let early = try addPatient("Ahead", clockOffset: ahead)
        _ = try json(["claim", "set", claim, "notes", "typed while the clock was wrong"], clockOffset: ahead)
        let late = try addPatient("Corrected")
        _ = try json(["claim", "set", claim, "notes", "typed after the clock was put right"])
        let status = try run(["status"])
        let sync = try self.sync()
        return AheadStory(earlyPatient: early, latePatient: late, statusBeforeSync: status, sync: sync.summary,
                          syncExit: sync.exit)
    }

    /// What ``clockJumpedAheadThenCorrected(claim:)`` saw.
    public struct AheadStory: @unchecked Sendable {
        /// The patient added while the clock was 30 days ahead.
        public var earlyPatient: String
        /// The patient added after the clock was put right.
        public var latePatient: String
        /// `status` before the sync (its warning on stderr).
        public var statusBeforeSync: ChildProcess.Exit
        /// The sync's JSON summary.
        public var sync: [String: Any]
        /// The sync process (its warnings on stderr).
        public var syncExit: ChildProcess.Exit
    }

    /// The notes entries of `claim history` (at_millis, restamped_from_millis).
    public func noteHistory(claim: String) throws -> [(at: Int64, restampedFrom: Int64?)] {
        let entries = try json(["claim", "history", claim]) as? [[String: Any]] ?? []
        return entries.filter { $0["field"] as? String == "notes" }.map {
            (($0["at_millis"] as? NSNumber)?.int64Value ?? 0, ($0["restamped_from_millis"] as? NSNumber)?.int64Value)
        }
    }

    /// This machine's clock now, in milliseconds since 1970 (the test process's, unshifted).
    public static var nowMillis: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
