import ArgumentParser
import ClinicStore

/// `clinicsync init --clinic ID [--name NAME]` or `clinicsync init --central`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a clinic or central store.")

    @OptionGroup var options: StoreOptions

    @Option(help: "The clinic id (letters, digits, '-', '_').")
    var clinic: String?

    @Option(help: "The clinic's display name.")
    var name: String?

    @Flag(help: "Create the central office's store instead of a clinic's.")
    var central = false

    func validate() throws {
        guard central != (clinic != nil) else { throw ValidationError("give exactly one of --clinic ID or --central") }
        if let clinic, clinic == LocalStore.centralOwner || clinic.isEmpty
            || !clinic.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw ValidationError("--clinic must be letters, digits, '-' or '_' (and not 'central')")
        }
    }

    func run() throws {
        let store = try LocalStore.create(at: options.storePath, role: central ? .central : .clinic,
                                          clinicID: clinic ?? LocalStore.centralOwner, name: name,
                                          clock: CLIClock.current)
        try options.emit(store.identity) {
            "Created \(store.identity.role.rawValue) store \(options.storePath) (site \(store.identity.siteID))."
        }
    }
}
