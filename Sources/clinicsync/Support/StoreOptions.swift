import ArgumentParser
import ClinicStore
import Foundation

/// The options every command shares: where the store is and how to print.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store file (default: $CLINICSYNC_STORE, else ./clinicsync.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Print machine-readable JSON.")
    var json = false

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

    /// Prints a value as JSON or as the given human text.
    func emit<T: Encodable>(_ value: T, human: () -> String) throws {
        if json {
            print(try JSONOutput.string(value))
        } else {
            print(human())
        }
    }
}
