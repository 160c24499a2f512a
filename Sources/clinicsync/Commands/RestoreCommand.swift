import ArgumentParser
import ClinicStore
import Foundation

/// `clinicsync restore FILE [--force]`: puts a backup in place of the store; the store it
/// replaces is kept aside, and the next sync checks the restored store's site first.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place of the store (the current one is kept aside).",
        discussion: """
            Refuses to replace a store newer than the backup, or another clinic's, unless --force.
            The next sync checks the restored store against the central node: if its site synced
            more after the backup, the store moves to a new site and nothing is lost.
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: "The backup file (made by `clinicsync backup`, or a store file copied after a checkpoint).")
    var file: String

    @Flag(help: "Replace a newer store, or another clinic's, anyway (it is still kept aside).")
    var force = false

    func run() throws {
        let outcome = try StoreRestore(backup: file, target: options.storePath, force: force).run()
        try options.emit(outcome) {
            var text = "Restored \(file) to \(outcome.store) (site \(outcome.site))."
            if let aside = outcome.keptAside { text += " The store it replaced is kept at \(aside)." }
            return text + " Sync next: it checks the restored store against the central node first."
        }
    }
}
