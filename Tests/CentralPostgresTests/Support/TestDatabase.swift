import CLITesting
import CentralPostgres
import ClinicStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// The throwaway PostgreSQL cluster `scripts/test.sh` starts: its URL in
/// `CLINICSYNC_POSTGRES_URL`, and in `CLINICSYNC_POSTGRES_CTL` the `pg_ctl` command (with its
/// data folder) that stops and starts it. Tests that need it are skipped without it.
enum TestDatabase {
    static let environment = ProcessInfo.processInfo.environment

    /// Whether a PostgreSQL server was given.
    static let isAvailable = environment["CLINICSYNC_POSTGRES_URL"] != nil

    /// Whether the tests may stop and start the server.
    static let isControllable = isAvailable && environment["CLINICSYNC_POSTGRES_CTL"] != nil

    /// A configuration on a schema of its own (so tests running at once never share data),
    /// with a small pool and short timeouts.
    static func configuration(schema: String = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased(),
                              leaseTimeout: Duration = .seconds(15)) throws -> PostgresCentralConfiguration {
        try Requirements.check(isAvailable, "a PostgreSQL server named by CLINICSYNC_POSTGRES_URL (scripts/test.sh starts one)")
        var configuration = try PostgresCentralConfiguration(url: environment["CLINICSYNC_POSTGRES_URL"] ?? "")
        configuration.schema = String(schema.prefix(40))
        configuration.maxConnections = 8
        configuration.leaseTimeout = leaseTimeout
        return configuration
    }

    /// A quiet logger for backends under test (`CLINICSYNC_TEST_LOG=debug` makes it talk).
    static var logger: Logger {
        var logger = Logger(label: "central-postgres-test")
        logger.logLevel = environment["CLINICSYNC_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }

    /// A backend on `configuration` (a fresh schema unless given).
    static func backend(_ configuration: PostgresCentralConfiguration? = nil,
                        clock: any StoreClock = SystemClock()) async throws -> PostgresCentral {
        try await PostgresCentral.start(configuration: configuration ?? self.configuration(), clock: clock, logger: logger)
    }

    /// Runs `pg_ctl ACTION` on the test cluster (`stop -m fast`, `start`, `restart -m fast`) and
    /// waits for `pg_ctl` itself. (Not through Foundation's `Process`, whose wait also waits for
    /// the server `pg_ctl` leaves running.)
    static func control(_ action: String) throws {
        try Requirements.check(isControllable, "CLINICSYNC_POSTGRES_CTL, the pg_ctl command of a server the tests may restart")
        guard let command = environment["CLINICSYNC_POSTGRES_CTL"] else { throw ControlUnavailable() }
        let arguments = ["/bin/sh", "-c", "\(command) -w \(action) >/dev/null 2>&1 </dev/null"]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else {
            throw ControlFailed(action: action, status: -1)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : -1
        guard exited == 0 else { throw ControlFailed(action: action, status: exited) }
    }

    struct ControlUnavailable: Error, CustomStringConvertible {
        var description: String { "CLINICSYNC_POSTGRES_CTL is not set" }
    }

    struct ControlFailed: Error, CustomStringConvertible {
        var action: String
        var status: Int32
        var description: String { "pg_ctl \(action) exited with \(status)" }
    }
}
