import ArgumentParser
import ClinicStore
import CommandSupport
import Foundation

/// The options every command shares: where the store is and how to print.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store file (default: $CLINICSYNC_STORE, else ./clinicsync.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Print machine-readable JSON.")
    var json = false

    @Flag(name: .long, help: "No progress display on the terminal.")
    var quiet = false

    /// The store path after defaults.
    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["CLINICSYNC_STORE"] ?? "clinicsync.sqlite"
    }

    /// Opens the existing store, on the CLI's clock (``CLIClock``).
    func open() throws -> LocalStore { try LocalStore.open(at: storePath, clock: CLIClock.current) }

    /// Who is typing, for the audit trail: $CLINICSYNC_USER, else $USER.
    var author: String {
        let env = ProcessInfo.processInfo.environment
        return env["CLINICSYNC_USER"] ?? env["USER"] ?? "unknown"
    }

    /// The progress display on stderr: drawn only on a terminal, never with `--json` or `--quiet`.
    func progress() -> ProgressMeter { ProgressMeter.standardError(json: json, quiet: quiet) }

    /// Prints a value as JSON or as the given human text; the human text passes through
    /// ``TerminalText/clean(_:keepingLineBreaks:)``, so no value printed for a person can drive
    /// the terminal (JSON carries values exactly, escaped).
    func emit<T: Encodable>(_ value: T, human: () -> String) throws {
        if json {
            print(try JSONOutput.string(value))
        } else {
            print(TerminalText.clean(human(), keepingLineBreaks: true))
        }
    }
}
