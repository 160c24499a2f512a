import ArgumentParser
import CentralPostgres
import CentralServer
import ClinicStore
import Foundation
import Logging

/// `clinicsync serve`: the central node over the central SQLite store, or over PostgreSQL with
/// `--postgres URL` (several `serve` processes may share one database).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the central node's HTTP API.")
    @OptionGroup var options: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(name: .customLong("admin-token-file"), help: "A file holding the admin token for the admin endpoints.")
    var adminTokenFile: String?
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain, to serve HTTPS.") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key, to serve HTTPS.") var tlsKey: String?
    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may sit idle before it is closed.")
    var idleTimeout = CentralServerConfiguration.defaultIdleTimeoutSeconds
    @OptionGroup var postgres: PostgresOption
    @Option(name: .customLong("publish-releases-from"),
            help: "With --postgres: publish the code releases of this central store file to clinics.")
    var publishReleasesFrom: String?

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give both --tls-cert and --tls-key, or neither") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be 1 second or more") }
    }

    func run() async throws {
        var configuration = CentralServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.adminToken = try readAdminToken()
        configuration.tlsCertificatePath = tlsCert
        configuration.tlsKeyPath = tlsKey
        configuration.idleTimeoutSeconds = idleTimeout
        if let warning = configuration.plaintextWarning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        let logger = Logger(label: "clinicsync.central")
        let scheme = tlsCert == nil ? "http" : "https"
        let announce: @Sendable (Int) async -> Void = { [host] bound in
            FileHandle.standardError.write(Data("Central node listening on \(scheme)://\(host):\(bound)\n".utf8))
        }
        guard let database = try postgres.configuration() else {
            guard publishReleasesFrom == nil else { throw ValidationError("--publish-releases-from needs --postgres") }
            let store = try options.open()
            guard store.identity.role == .central else {
                throw ValidationError("\(options.storePath) is a clinic store; serve runs on a central store (clinicsync init --central)")
            }
            try await buildApplication(store: store, configuration: configuration, logger: logger, onServerRunning: announce)
                .runService()
            return
        }
        var databaseLogger = Logger(label: "clinicsync.postgres")
        databaseLogger.logLevel = .warning  // the pool's reconnect attempts while the server is down are info
        let backend = try await PostgresCentral.start(configuration: database, logger: databaseLogger)
        do {
            if let publishReleasesFrom {
                let added = try await backend.publishReleases(from: try LocalStore.open(at: publishReleasesFrom))
                FileHandle.standardError.write(Data("Published \(added) new code release(s) from \(publishReleasesFrom)\n".utf8))
            }
            FileHandle.standardError.write(Data("Central data on \(database)\n".utf8))
            try await buildApplication(backend: backend, configuration: configuration, logger: logger, onServerRunning: announce)
                .runService()
        } catch {
            await backend.shutdown()
            throw error
        }
        await backend.shutdown()
    }

    /// The admin token from `--admin-token-file`, if given (at least 16 characters).
    private func readAdminToken() throws -> String? {
        guard let adminTokenFile else { return nil }
        guard let text = try? String(contentsOfFile: adminTokenFile, encoding: .utf8) else {
            throw ValidationError("cannot read the admin token file \(adminTokenFile)")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 16 else { throw ValidationError("the admin token must be at least 16 characters") }
        return token
    }
}
