import ArgumentParser
import ClinicStore
import Foundation
import SyncEngine

/// `clinicsync init --clinic ID [--name NAME]`, `clinicsync init --central`, or
/// `clinicsync init --clinic ID --from-central --server URL --token-file F` (a clinic store
/// rebuilt from the central node's snapshot of the clinic, under a new site).
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a clinic or central store.")

    @OptionGroup var options: StoreOptions

    @Option(help: "The clinic id (letters, digits, '-', '_').")
    var clinic: String?

    @Option(help: "The clinic's display name.")
    var name: String?

    @Flag(help: "Create the central office's store instead of a clinic's.")
    var central = false

    @Flag(help: "Build the clinic store from what the central node holds of the clinic (with --server and --token-file).")
    var fromCentral = false

    @Option(help: "With --from-central: the central node, e.g. https://central.example:8080.")
    var server: String?

    @Option(name: .customLong("token-file"), help: "With --from-central: a file holding the clinic's token.")
    var tokenFile: String?

    func validate() throws {
        guard central != (clinic != nil) else { throw ValidationError("give exactly one of --clinic ID or --central") }
        if let clinic, clinic == LocalStore.centralOwner || clinic.isEmpty
            || !clinic.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw ValidationError("--clinic must be letters, digits, '-' or '_' (and not 'central')")
        }
        if fromCentral {
            guard clinic != nil, server != nil, tokenFile != nil else {
                throw ValidationError("--from-central needs --clinic ID, --server URL and --token-file F")
            }
        } else if server != nil || tokenFile != nil {
            throw ValidationError("--server and --token-file go with --from-central")
        }
    }

    func run() async throws {
        if fromCentral, let clinic, let server, let tokenFile {
            try await bootstrap(clinic: clinic, server: server, tokenFile: tokenFile)
            return
        }
        let store = try LocalStore.create(at: options.storePath, role: central ? .central : .clinic,
                                          clinicID: clinic ?? LocalStore.centralOwner, name: name,
                                          clock: CLIClock.current)
        try options.emit(store.identity) {
            "Created \(store.identity.role.rawValue) store \(options.storePath) (site \(store.identity.siteID))."
        }
    }

    /// A new clinic store, its remote set, filled by a first sync (the central node's snapshot of
    /// the clinic); a failed sync leaves no store behind.
    private func bootstrap(clinic: String, server: String, tokenFile: String) async throws {
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--server must be an http:// or https:// URL")
        }
        guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
            throw ValidationError("cannot read the token file \(tokenFile)")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = options.storePath
        let store = try LocalStore.create(at: path, role: .clinic, clinicID: clinic, name: name)
        let summary: SyncSummary
        let display = SyncProgressDisplay(meter: options.progress(), outbox: 0)
        do {
            try store.setRemote(serverURL: server, token: token)
            summary = try await CentralClient.with(serverURL: url, token: token) { client in
                try await Synchronizer(store: store, client: client).run { display.show($0) }
            }
            display.meter.finish()
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        /// What `init --from-central --json` prints.
        struct View: Encodable { var store: String, clinicId: String, siteId: String, pulled: Int, cursor: Int64 }
        try options.emit(View(store: path, clinicId: clinic, siteId: store.identity.siteID, pulled: summary.pulled,
                              cursor: summary.cursor)) {
            "Created clinic store \(path) (site \(store.identity.siteID)) from \(server): pulled \(summary.pulled) changes."
        }
    }
}
