import ArgumentParser
import CentralServer
import ClinicStore
import Foundation
import Logging

/// `clinicsync serve`: the central node over the central store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the central node's HTTP API.")
    @OptionGroup var options: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(name: .customLong("admin-token-file"), help: "A file holding the admin token for the admin endpoints.")
    var adminTokenFile: String?
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain, to serve HTTPS.") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key, to serve HTTPS.") var tlsKey: String?
    @Option(help: "PostgreSQL URL for the scale-out backend.") var postgres: String?

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give both --tls-cert and --tls-key, or neither") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535") }
    }

    func run() async throws {
        if postgres != nil {
            throw ValidationError("the PostgreSQL backend is not available in this build yet; serve the SQLite central store")
        }
        let store = try options.open()
        guard store.identity.role == .central else {
            throw ValidationError("\(options.storePath) is a clinic store; serve runs on a central store (clinicsync init --central)")
        }
        var adminToken: String?
        if let adminTokenFile {
            guard let text = try? String(contentsOfFile: adminTokenFile, encoding: .utf8) else {
                throw ValidationError("cannot read the admin token file \(adminTokenFile)")
            }
            adminToken = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard adminToken?.count ?? 0 >= 16 else { throw ValidationError("the admin token must be at least 16 characters") }
        }
        var configuration = CentralServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.adminToken = adminToken
        configuration.tlsCertificatePath = tlsCert
        configuration.tlsKeyPath = tlsKey
        let logger = Logger(label: "clinicsync.central")
        let scheme = tlsCert == nil ? "http" : "https"
        let app = try buildApplication(store: store, configuration: configuration, logger: logger) { bound in
            FileHandle.standardError.write(Data("Central node listening on \(scheme)://\(host):\(bound)\n".utf8))
        }
        try await app.runService()
    }
}
