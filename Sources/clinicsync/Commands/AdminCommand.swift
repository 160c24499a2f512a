import ArgumentParser
import ClinicStore
import Foundation
import SyncEngine

/// `clinicsync admin enroll|revoke`: on the central store, or remotely with the admin token.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin", abstract: "Enroll clinics and revoke their tokens.",
                                                    subcommands: [AdminEnroll.self, AdminRevoke.self])
}

/// Where an admin command acts: the central store file, or a running central node.
struct AdminTarget: ParsableArguments {
    @Option(help: "A running central node (default: act on the central store file).") var server: String?
    @Option(name: .customLong("admin-token"), help: "The admin token given to `serve`.") var adminToken: String?

    /// The node's URL and the admin token, or `nil` to act on the store file.
    func remote() throws -> (URL, String)? {
        guard let server else { return nil }
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--server must be an http:// or https:// URL")
        }
        guard let adminToken else { throw ValidationError("--server needs --admin-token") }
        return (url, adminToken)
    }
}

/// `clinicsync admin enroll --clinic ID`: enrolls a clinic or rotates its token; prints the token once.
struct AdminEnroll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enroll",
                                                    abstract: "Enroll a clinic (or rotate its token); prints the token once.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var target: AdminTarget
    @Option(help: "The clinic id.") var clinic: String
    @Option(help: "The clinic's display name.") var name: String?

    func run() async throws {
        let token: String
        if let (url, adminToken) = try target.remote() {
            token = try await CentralClient.with(serverURL: url, token: adminToken) { [clinic, name] in
                try await $0.enroll(clinicID: clinic, name: name).token
            }
        } else {
            token = try options.open().enroll(clinicID: clinic, name: name)
        }
        try options.emit(["clinic_id": clinic, "token": token]) {
            "Clinic \(clinic) enrolled. Its token (shown once; give it to the clinic for `clinicsync remote set`):\n\(token)"
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
        if let (url, adminToken) = try target.remote() {
            try await CentralClient.with(serverURL: url, token: adminToken) { [clinic] in try await $0.revoke(clinicID: clinic) }
        } else {
            try options.open().revoke(clinicID: clinic)
        }
        try options.emit(["clinic_id": clinic, "revoked": "true"]) { "Clinic \(clinic)'s token is revoked." }
    }
}
