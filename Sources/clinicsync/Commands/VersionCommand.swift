import ArgumentParser
import CommandSupport

/// `clinicsync version [--json]`: what `--version` prints, and as JSON for scripts.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Show the version, the store schema version and the SQLite version.")
    @Flag(help: "Print machine-readable JSON.") var json = false

    func run() throws {
        let report = VersionReport()
        print(json ? try JSONOutput.string(report) : report.line)
    }
}
