import ArgumentParser
import CentralServer
import ClinicStore
import Foundation
import SyncEngine

/// `clinicsync admin …`: enroll clinics, rotate and revoke their tokens, and watch every
/// clinic's sync health; on the central store, `--postgres URL`, or a running node with the
/// admin token.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Enroll clinics, rotate and revoke their tokens, and watch their syncs.",
        subcommands: [AdminEnroll.self, AdminRotate.self, AdminRevoke.self, AdminClinics.self, AdminClinic.self])
}

/// Where an admin command acts: a running central node (`--server` with the admin token), the
/// central node's PostgreSQL database (`--postgres`), or the central store file.
struct AdminTarget: ParsableArguments {
    @Option(help: "A running central node (default: act on the central store file).") var server: String?
    @Option(name: .customLong("admin-token"), help: "The admin token given to `serve` (prefer --admin-token-file).")
    var adminToken: String?
    @Option(name: .customLong("admin-token-file"), help: "A file holding the admin token (or set $CLINICSYNC_ADMIN_TOKEN).")
    var adminTokenFile: String?
    @OptionGroup var postgres: PostgresOption

    /// Runs `body` against the chosen node or storage.
    func withConnection<T: Sendable>(_ options: StoreOptions, _ body: @Sendable (any AdminConnection) async throws -> T)
        async throws -> T {
        if let server {
            guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--server must be an http:// or https:// URL")
            }
            let token = try adminSecret()
            return try await CentralClient.with(serverURL: url, token: token) { try await body(RemoteAdmin(client: $0)) }
        }
        if let value = try await postgres.withCentral({ try await body(BackendAdmin(backend: $0)) }) { return value }
        return try await body(BackendAdmin(backend: StoreBackend(store: try options.open())))
    }

    /// The admin token: `--admin-token-file`, `$CLINICSYNC_ADMIN_TOKEN`, or `--admin-token`.
    private func adminSecret() throws -> String {
        if let adminTokenFile {
            guard let text = try? String(contentsOfFile: adminTokenFile, encoding: .utf8) else {
                throw ValidationError("cannot read the admin token file \(adminTokenFile)")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw ValidationError("the admin token file \(adminTokenFile) is empty") }
            return token
        }
        if let token = ProcessInfo.processInfo.environment["CLINICSYNC_ADMIN_TOKEN"], !token.isEmpty { return token }
        guard let adminToken else { throw ValidationError("--server needs --admin-token-file (or $CLINICSYNC_ADMIN_TOKEN)") }
        return adminToken
    }
}

/// `clinicsync admin enroll --clinic ID`: enrolls a clinic or rotates its token; prints the
/// token once. A revoked clinic comes back only with `--reinstate`.
struct AdminEnroll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll", abstract: "Enroll a clinic (or rotate its token); prints the token once.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var target: AdminTarget
    @Option(help: "The clinic id.") var clinic: String
    @Option(help: "The clinic's display name.") var name: String?
    @Flag(help: "Enroll a revoked clinic again.") var reinstate = false

    func run() async throws {
        let token = try await target.withConnection(options) { [clinic, name, reinstate] in
            try await $0.enroll(clinicID: clinic, name: name, reinstate: reinstate)
        }
        try options.emit(["clinic_id": clinic, "token": token]) {
            "Clinic \(clinic) enrolled. Its token (shown once; give it to the clinic for `clinicsync remote set`):\n\(token)"
        }
    }
}

/// `clinicsync admin rotate --clinic ID`: a new token for an enrolled clinic; the old one stops
/// working at once.
struct AdminRotate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate", abstract: "Give a clinic a new token; the old one stops working at once.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var target: AdminTarget
    @Option(help: "The clinic id.") var clinic: String

    func run() async throws {
        let token = try await target.withConnection(options) { [clinic] in try await $0.rotate(clinicID: clinic) }
        try options.emit(["clinic_id": clinic, "token": token]) {
            "Clinic \(clinic) has a new token (shown once; the old one no longer works):\n\(token)"
        }
    }
}

/// `clinicsync admin revoke --clinic ID`: revokes a clinic's token; its next sync is refused.
struct AdminRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a clinic's token.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var target: AdminTarget
    @Option(help: "The clinic id.") var clinic: String

    func run() async throws {
        try await target.withConnection(options) { [clinic] in try await $0.revoke(clinicID: clinic) }
        try options.emit(["clinic_id": clinic, "revoked": "true"]) { "Clinic \(clinic)'s token is revoked." }
    }
}
