import ArgumentParser
import ClinicStore
import Foundation

/// `clinicsync backup FILE`: a consistent copy of the store, taken while it stays in use.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the store to FILE while it is in use (readable by you only).")

    @OptionGroup var options: StoreOptions

    @Argument(help: "The backup file to create (refused if it exists).")
    var file: String

    func run() throws {
        let store = try options.open()
        try store.backup(to: file)
        /// What `backup --json` prints.
        struct View: Encodable { var backup: String, site: String }
        try options.emit(View(backup: file, site: store.identity.siteID)) {
            "Backed up \(options.storePath) to \(file) (site \(store.identity.siteID))."
        }
    }
}
