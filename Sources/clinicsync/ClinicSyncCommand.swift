import ArgumentParser
import CommandSupport
import Foundation

/// `clinicsync`: the clinic client and the central server in one executable (DESIGN §6).
@main
struct ClinicSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicsync",
        abstract: "Offline-first medical coding and claims, synced with a central office.",
        discussion: """
            Every command takes --store PATH (default: $CLINICSYNC_STORE, else ./clinicsync.sqlite) \
            and --json for machine-readable output. Long work shows progress on stderr when it is a \
            terminal; --quiet turns it off.

            Exit codes:
            \(ExitStatus.table)
            """,
        version: VersionReport().line,
        subcommands: [
            InitCommand.self, CodesCommand.self, PatientCommand.self, ProviderCommand.self, PayerCommand.self,
            ClaimCommand.self, ExportCommand.self, RemoteCommand.self, SyncCommand.self, StatusCommand.self,
            ConflictsCommand.self, DoctorCommand.self, BackupCommand.self, RestoreCommand.self, ServeCommand.self, AdminCommand.self, DemoCommand.self,
            VersionCommand.self, CompletionsCommand.self, ManualCommand.self,
        ]
    )

    /// Parses, runs, and turns any error into one message and the exit code of ``ExitStatus``.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(dueTo: error)
        }
    }

    /// Prints what `error` says (help and `--version` on stdout, the rest on stderr) and exits
    /// with its status: the libraries' errors by ``ExitStatus/init(classifying:)``, the parser's
    /// usage errors with 2, explicit exits with their own code.
    static func exit(dueTo error: any Error) -> Never {
        let parserCode = exitCode(for: error)
        let message = fullMessage(for: error)
        if parserCode == .success, ExitStatus(classifying: error) == nil {
            if !message.isEmpty { print(message) }
            Foundation.exit(0)
        }
        if !message.isEmpty {
            // An error may quote what was typed or received: it cannot drive the terminal either.
            FileHandle.standardError.write(Data((TerminalText.clean(message, keepingLineBreaks: true) + "\n").utf8))
        }
        if let status = ExitStatus(classifying: error) { Foundation.exit(status.rawValue) }
        Foundation.exit(parserCode == .validationFailure ? ExitStatus.usage.rawValue : parserCode.rawValue)
    }
}
