import ArgumentParser

/// `clinicsync`: the clinic client and the central server in one executable (DESIGN §6).
@main
struct ClinicSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicsync",
        abstract: "Offline-first medical coding and claims, synced with a central office.",
        discussion: """
            Every command takes --store PATH (default: $CLINICSYNC_STORE, else ./clinicsync.sqlite)
            and --json for machine-readable output.
            """,
        subcommands: [
            InitCommand.self, CodesCommand.self, PatientCommand.self, ProviderCommand.self, PayerCommand.self,
            ClaimCommand.self, ExportCommand.self, RemoteCommand.self, SyncCommand.self, StatusCommand.self,
            ConflictsCommand.self, ServeCommand.self, AdminCommand.self, DemoCommand.self,
        ]
    )
}
