import ArgumentParser
import CentralPostgres
import ClinicStore
import Foundation
import Logging

/// `--postgres URL`: act on the central node's PostgreSQL database instead of a store file
/// (`serve`, and every central-office command: `claim list|show|set|check|submit|history`,
/// `export x12`, `conflicts list|show|resolve`, `status`).
struct PostgresOption: ParsableArguments {
    @Option(help: ArgumentHelp("PostgreSQL URL of the central node's database (no store file is used).",
                               discussion: "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require&schema=NAME&pool=N]; "
                                   + "the password may also come from $PGPASSWORD."))
    var postgres: String?
    @Option(name: .customLong("postgres-password-file"),
            help: "A file holding the PostgreSQL password (or set $PGPASSWORD); never put it on the command line.")
    var postgresPasswordFile: String?

    /// The parsed `--postgres` URL, with the password from `$PGPASSWORD` when the URL has none;
    /// `nil` without the option. Throws ``CentralPostgres/PostgresURLError`` (never the password).
    func configuration() throws -> PostgresCentralConfiguration? {
        guard let postgres else { return nil }
        var database = try PostgresCentralConfiguration(url: postgres)
        if database.password == nil, let postgresPasswordFile {
            guard let text = try? String(contentsOfFile: postgresPasswordFile, encoding: .utf8) else {
                throw ValidationError("cannot read the PostgreSQL password file \(postgresPasswordFile)")
            }
            database.password = text.trimmingCharacters(in: .newlines)
        }
        if database.password == nil, let password = ProcessInfo.processInfo.environment["PGPASSWORD"] {
            database.password = password
        }
        return database
    }

    /// Runs `body` on the central node over `--postgres` (started, then shut down), or returns
    /// `nil` without the option. The database logger is quiet: errors reach the user as the one
    /// line the command fails with.
    func withCentral<T: Sendable>(_ body: (PostgresCentral) async throws -> T) async throws -> T? {
        guard let database = try configuration() else { return nil }
        var logger = Logger(label: "clinicsync.postgres")
        logger.logLevel = .critical
        let central = try await PostgresCentral.start(configuration: database, logger: logger)
        do {
            let value = try await body(central)
            await central.shutdown()
            return value
        } catch {
            await central.shutdown()
            throw error
        }
    }

    /// Runs `body` on the central office: the PostgreSQL node with `--postgres`, else the store
    /// file `options` names (a clinic's store answers the same calls over its own rows).
    func withOffice<T: Sendable>(_ options: StoreOptions, _ body: (any CentralOffice) async throws -> T) async throws -> T {
        guard try configuration() != nil else { return try await body(try options.open()) }
        guard let value = try await withCentral({ try await body($0) }) else { throw ValidationError("give --postgres URL") }
        return value
    }
}
