import ArgumentParser
import CentralPostgres
import ClinicStore
import Doctor
import Foundation
import Logging

/// `clinicsync doctor`: is this store healthy, and can it sync? Each check ok, warn or fail
/// with one line of advice; the exit code follows the worst result.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check that a store is healthy and can sync.",
        discussion: """
            Checks the store's integrity (PRAGMA quick_check), schema, free disk and file mode; for a \
            clinic also the central node (reachable, token accepted, clock difference against the skew \
            limit, with one read-only request), the outbox and its age, the last sync and refused \
            changes; and open conflicts with the age of the oldest.

            With --postgres URL, checks a central node's PostgreSQL database instead: connected, \
            answering, clinics enrolled, open conflicts.

            Exit: 0 all ok; 1 a warning, or a failed token, clock, outbox or conflict check; \
            3 the central node (or its database) unreachable or unavailable; 4 a store problem.
            """)
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Flag(help: "Do not contact the central node (skips the remote, token and clock checks).") var offline = false
    @Option(name: .customLong("skew-limit"), help: "The central node's clock-skew limit, in seconds.")
    var skewLimit: Int = 300

    func validate() throws {
        guard skewLimit > 0 else { throw ValidationError("--skew-limit must be more than 0 seconds") }
    }

    func run() async throws {
        let clock = SystemClock()
        var policy = DoctorPolicy()
        policy.skewLimitMillis = Int64(skewLimit) * 1000
        if let database = try postgres.configuration() {
            let facts = await Self.gather(database, clock: clock)
            let report = DoctorReport(store: facts.target, role: "central-postgres", clinicId: nil,
                                      checks: DoctorChecks.central(facts, policy: policy))
            try options.emit(report) { report.rendered() }
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            return
        }
        let gathered = DoctorFacts.gather(path: options.storePath, clock: clock)
        var facts = gathered.facts
        let store = gathered.store
        if let store, store.identity.role == .clinic, !offline { facts.remote = await RemoteProbe.ask(store, clock: clock) }
        var checks = DoctorChecks.all(facts, policy: policy)
        if offline {
            checks = checks.map { check in
                guard ["remote", "token", "clock"].contains(check.id) else { return check }
                return HealthCheck(id: check.id, result: .skipped, area: check.area, summary: "not checked (--offline)")
            }
        }
        let report = DoctorReport(facts: facts, checks: checks)
        try options.emit(report) { report.rendered() }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// Connects to the central database (which migrates its schema, as `serve` would), pings it
    /// and reads the enrolments and open conflicts; failures become facts, never thrown.
    static func gather(_ database: PostgresCentralConfiguration, clock: any StoreClock) async -> CentralDatabaseFacts {
        var facts = CentralDatabaseFacts(target: database.description, nowMillis: clock.nowMillis())
        var logger = Logger(label: "clinicsync.doctor")
        logger.logLevel = .critical
        let central: PostgresCentral
        do {
            central = try await PostgresCentral.start(configuration: database, clock: clock, logger: logger)
        } catch {
            facts.connectError = String(describing: error)
            return facts
        }
        do {
            try await central.checkHealth()
            facts.enrolledClinics = try await central.enrollments().count
            let open = try await central.conflicts()
            facts.openConflicts = open.count
            facts.oldestConflictMillis = open.map { max($0.winner.version?.hlc.millis ?? 0, $0.loser.version?.hlc.millis ?? 0) }.min()
        } catch {
            facts.healthError = String(describing: error)
        }
        await central.shutdown()
        return facts
    }
}
