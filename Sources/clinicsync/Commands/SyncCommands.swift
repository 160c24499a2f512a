import ArgumentParser
import ClinicStore
import CommandSupport
import Foundation
import SyncEngine

/// `clinicsync remote set --server URL --token TOKEN`.
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remote", abstract: "Where this clinic syncs.",
                                                    subcommands: [RemoteSet.self])
}

/// `clinicsync remote set --server URL --token TOKEN`: saves both in the store's local sync state (never synced).
struct RemoteSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set the central node and this clinic's token.")
    @OptionGroup var options: StoreOptions
    @Option(help: "The central node, e.g. https://central.example:8080.") var server: String
    @Option(help: "The token `admin enroll` printed for this clinic (prefer --token-file or $CLINICSYNC_TOKEN).")
    var token: String?
    @Option(name: .customLong("token-file"), help: "A file holding this clinic's token (or set $CLINICSYNC_TOKEN).")
    var tokenFile: String?
    @Flag(help: "Allow http:// to a host other than this machine (the token travels unencrypted).") var insecure = false

    func run() throws {
        let secret = try RemoteChoice.token(flag: token, file: tokenFile)
        guard let secret else { throw ValidationError("give the token with --token-file, $CLINICSYNC_TOKEN or --token") }
        _ = try RemoteChoice.url(server, insecure: insecure)
        let store = try options.open()
        try store.setRemote(serverURL: server, token: secret)
        try options.emit(["server": server]) { "This clinic now syncs with \(server)." }
    }
}

/// `clinicsync sync [--server URL --token TOKEN]`: push, then pull, until both are empty.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Exchange changes with the central node.")
    @OptionGroup var options: StoreOptions
    @Option(help: "The central node (default: the one set with `remote set`).") var server: String?
    @Option(help: "This clinic's token (default: the one set with `remote set`; prefer --token-file).") var token: String?
    @Option(name: .customLong("token-file"), help: "A file holding this clinic's token (or set $CLINICSYNC_TOKEN).")
    var tokenFile: String?
    @Flag(help: "Allow http:// to a host other than this machine (the token travels unencrypted).") var insecure = false
    @Option(help: "Changes per push request, 1 to \(LocalStore.maxPushChanges): fewer on a flaky link.")
    var batch = Synchronizer.defaultPushBatch

    func validate() throws {
        guard (1...LocalStore.maxPushChanges).contains(batch) else {
            throw ValidationError("--batch must be from 1 to \(LocalStore.maxPushChanges)")
        }
    }

    func run() async throws {
        let store = try options.open()
        let given = try RemoteChoice.token(flag: token, file: tokenFile)
        guard let (url, secret) = try RemoteChoice.resolve(store: store, server: server, token: given, insecure: insecure) else {
            throw SyncError.noRemote
        }
        let pushBatch = batch, progress = SyncProgressDisplay(meter: options.progress(), outbox: try store.syncStatus().outbox)
        // A node whose storage is briefly unavailable (503) is waited for, and the person is told.
        let summary = try await CentralClient.with(serverURL: url, token: secret,
                                                   onRetry: { Warning.print($0.description) }) { client in
            var synchronizer = Synchronizer(store: store, client: client)
            synchronizer.pushBatch = pushBatch
            return try await synchronizer.run { progress.show($0) }
        }
        progress.meter.finish()
        let status = try store.syncStatus()
        if let warning = summary.clock?.warning { Warning.print(warning) }
        try options.emit(summary) {
            var text = summary.recovery.map { "\($0.message)\n" } ?? ""
            text += "Synced with \(url.absoluteString): pushed \(summary.pushed), pulled \(summary.pulled), applied \(summary.applied)"
            if summary.releasesImported > 0 { text += ", \(summary.releasesImported) code releases" }
            if summary.synonymsChanged > 0 { text += ", \(summary.synonymsChanged) central search synonyms" }
            text += "."
            if summary.restamped > 0 {
                let count = summary.restamped == 1 ? "1 change" : "\(summary.restamped) changes"
                text += "\n\(count) made while this machine's clock ran ahead \(summary.restamped == 1 ? "was" : "were") "
                    + "re-stamped from the central node's clock and pushed (`clinicsync claim history` shows when they "
                    + "were first stamped)."
            }
            if summary.refused > 0 { text += "\n\(summary.refused) changes were refused by the central node: see `clinicsync status --refused`." }
            if status.openConflicts > 0 { text += "\n\(status.openConflicts) open conflicts: see `clinicsync conflicts list`." }
            return text
        }
    }
}

/// Picks the server and token from options or from the store's remote settings.
enum RemoteChoice {
    static func resolve(store: LocalStore, server: String?, token: String?, insecure: Bool) throws -> (URL, String)? {
        let saved = try store.remote()
        guard let server = server ?? saved?.serverURL, let token = token ?? saved?.token else { return nil }
        return (try url(server, insecure: insecure), token)
    }

    /// The server URL, refused when it would carry the token in the clear beyond this machine.
    static func url(_ server: String, insecure: Bool) throws -> URL {
        guard let url = URL(string: server) else { throw ValidationError("--server must be an http:// or https:// URL") }
        if let problem = TransportPolicy.problem(with: url, insecure: insecure) { throw ValidationError(problem) }
        return url
    }

    /// The token from `--token-file`, `$CLINICSYNC_TOKEN` or `--token`, in that order.
    static func token(flag: String?, file: String?) throws -> String? {
        do {
            return try TransportPolicy.token(flag: flag, file: file, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// `clinicsync status [--refused]`: outbox, last sync, cursor, open conflicts; with `--refused`,
/// each change the central node refused and why. At the central office (a central store, or
/// `--postgres URL`): clinics, log head, open conflicts and last syncs (``OfficeStatusView``).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Outbox size, last sync, cursor, open conflicts.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Flag(help: "Also list the changes the central node refused, with the reason for each.") var refused = false

    func run() async throws {
        let store = try postgres.configuration() == nil ? options.open() : nil
        guard let store, store.identity.role != .central else {
            let status = try await postgres.withOffice(options) { try await $0.officeStatus() }
            try options.emit(OfficeStatusView(status)) { OfficeStatusView.human(status) }
            return
        }
        let status = try store.syncStatus()
        let refusals = refused ? try store.pushRefusals() : nil
        let clock = try ClockView(store: store)
        for warning in clock.warnings { Warning.print(warning) }
        let newReleases = try store.releasesFromLastSync()
        /// What `status --json` prints: who the store is, its ``SyncStatus`` and, with `--refused`, the refusals.
        struct View: Encodable {
            var role: String, clinicId: String, siteId: String
            var version: VersionReport
            var status: SyncStatus
            var clock: ClockView
            var refusals: [PushRefusal]?
            var newReleases: [ReceivedRelease]
        }
        let identity = store.identity
        let version = VersionReport(storeMigrations: try store.appliedMigrations())
        let view = View(role: identity.role.rawValue, clinicId: identity.clinicID, siteId: identity.siteID, version: version,
                        status: status, clock: clock, refusals: refusals, newReleases: newReleases)
        try options.emit(view) {
            let last = status.lastSyncMillis.map(Self.timestamp) ?? "never"
            var text = """
                \(identity.role == .central ? "Central store" : "Clinic \(identity.clinicID)") (site \(identity.siteID))
                  version:         \(version.statusLine)
                  server:          \(status.serverURL ?? "(none: clinicsync remote set)")
                  outbox:          \(status.outbox) changes waiting to be pushed
                  last sync:       \(last)
                  cursor:          \(status.cursor)
                  open conflicts:  \(status.openConflicts)\(status.refusedChanges > 0 ? "\n  refused changes: \(status.refusedChanges)" : "")
                """
            if status.refusedChanges > 0 && refusals == nil { text += " (see `clinicsync status --refused`)" }
            text += "\n  clock:           " + clock.summary
            for received in newReleases {
                text += "\n  new code release: \(received.release.name) (\(received.release.system.cliName), from "
                    + "\(received.release.effectiveFrom)), brought by the last sync; see "
                    + received.hints.map { "`\($0)`" }.joined(separator: " and ")
            }
            if let restored = status.restoredAtMillis {
                text += "\n  restored:        \(Self.timestamp(restored)) from a backup; the next sync checks this site first"
            }
            if let recovery = status.recovery {
                text += "\n  last recovery:   \(status.recoveryAtMillis.map(Self.timestamp) ?? "?") \(recovery)"
            }
            if let refusals {
                text += "\n\n" + Table(headers: ["SEQ", "WHERE", "REASON", "MESSAGE", "WHEN"],
                                        rows: refusals.map { ["\($0.seq)", "\($0.table).\($0.field) \($0.row.prefix(8))",
                                                              $0.reason, $0.message, Self.timestamp($0.refusedAtMillis)] })
                    .render(empty: "No refused changes.")
            }
            return text
        }
    }

    private static func timestamp(_ millis: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
