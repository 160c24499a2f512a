import ArgumentParser
import BillingModel
import ClaimExport
import ClinicStore
import CommandSupport
import Foundation

/// `clinicsync export ...`: claims for payers.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export claims for payers (X12 837P).",
        subcommands: [ExportX12.self, ExportSettingsCommand.self])
}

/// `clinicsync export x12 CLAIM... [-o FILE] [--postgres URL]`.
struct ExportX12: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "x12", abstract: "Write claims as one X12 837P 005010X222A1 interchange.",
        discussion: """
            Claims with scrubber errors are refused by claim number and nothing is written.
            The interchange, group and transaction set control numbers increase with every file
            and never repeat. Set the submitter and receiver with `clinicsync export settings`.
            """)
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "Claim ids or claim numbers.") var claims: [String]
    @Option(name: [.customShort("o"), .long], help: "Write to this file (default: standard output).") var output: String?

    func validate() throws {
        guard !claims.isEmpty else { throw ValidationError("name at least one claim") }
    }

    func run() async throws {
        let progress = options.progress(), keys = claims, author = options.author
        let export = try await postgres.withOffice(options) {
            try await $0.exportX12(keys, author: author) { progress.update("export", done: $0, total: $1, unit: "claims") }
        }
        progress.finish()
        guard let output else {
            if options.json {
                print(try JSONOutput.string(ExportView(export, file: nil)))
            } else {
                print(export.text, terminator: "")
            }
            return
        }
        do {
            try PrivateFile.write(Data(export.text.utf8), to: output)
        } catch {
            throw ExportFileError(path: output, controlNumber: export.envelope.interchangeControlNumber)
        }
        try options.emit(ExportView(export, file: output)) {
            let count = export.claims.count
            return "Wrote \(count) claim\(count == 1 ? "" : "s") to \(output) "
                + "(interchange \(export.envelope.interchangeControlNumber), \(export.envelope.usage == .test ? "test" : "production"))."
        }
    }
}

/// The file could not be written after the control numbers were reserved (they are skipped,
/// never reused).
struct ExportFileError: Error, CustomStringConvertible {
    var path: String
    var controlNumber: Int
    var description: String {
        "cannot write \(path): check the folder and its permissions; interchange \(controlNumber) was skipped"
    }
}

/// `clinicsync export settings [...] [--postgres URL]`: show or change the submitter, receiver and usage.
struct ExportSettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or set the 837P submitter, receiver and test/production usage.",
        discussion: """
            Unset values default to the first exported claim's billing provider (submitter name, id = NPI,
            contact) and payer (receiver name and id); qualifiers default to ZZ, usage to production.
            The contact phone must be set. Pass an empty value ("") to go back to the default.
            """)
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Option(name: .customLong("submitter-name")) var submitterName: String?
    @Option(name: .customLong("submitter-id"), help: "The id the receiver assigned you (ISA06).") var submitterID: String?
    @Option(name: .customLong("submitter-qualifier"), help: "ISA05, e.g. ZZ.") var submitterQualifier: String?
    @Option(name: .customLong("contact"), help: "EDI contact name (PER02).") var contact: String?
    @Option(name: .customLong("submitter-phone"), help: "EDI contact phone, ten digits (PER04).") var phone: String?
    @Option(name: .customLong("receiver-name")) var receiverName: String?
    @Option(name: .customLong("receiver-id"), help: "The clearinghouse or payer id (ISA08).") var receiverID: String?
    @Option(name: .customLong("receiver-qualifier"), help: "ISA07, e.g. ZZ.") var receiverQualifier: String?
    @Option(help: "test or production (ISA15).") var usage: String?

    func run() async throws {
        var parsedUsage: X12Usage?
        if let usage {
            switch usage.lowercased() {
            case "test", "t": parsedUsage = .test
            case "production", "p": parsedUsage = .production
            default: throw ValidationError("--usage must be test or production")
            }
        }
        let changes = ExportSettings(submitterName: submitterName, submitterID: submitterID,
                                     submitterIDQualifier: submitterQualifier, submitterContact: contact,
                                     submitterPhone: phone, receiverName: receiverName, receiverID: receiverID,
                                     receiverIDQualifier: receiverQualifier, usage: parsedUsage)
        let (settings, last) = try await postgres.withOffice(options) { office in
            let settings = changes == ExportSettings() ? try await office.exportSettings() : try await office.updateExportSettings(changes)
            return (settings, try await office.lastControlNumbers())
        }
        try options.emit(ExportSettingsView(settings, last: last)) {
            let view = ExportSettingsView(settings, last: last)
            let rows: [[String]] = [
                ["submitter name", view.submitterName ?? "(billing provider's name)"],
                ["submitter id", view.submitterId ?? "(billing provider's NPI)"],
                ["submitter qualifier", view.submitterIdQualifier ?? "ZZ"],
                ["contact", view.submitterContact ?? "(billing provider's name)"],
                ["contact phone", view.submitterPhone ?? "(not set: required for export)"],
                ["receiver name", view.receiverName ?? "(payer's name)"],
                ["receiver id", view.receiverId ?? "(payer id)"],
                ["receiver qualifier", view.receiverIdQualifier ?? "ZZ"],
                ["usage", view.usage ?? "production"],
                ["last interchange", last.interchange == 0 ? "(none yet)" : String(last.interchange)],
            ]
            return Table(headers: ["SETTING", "VALUE"], rows: rows).render()
        }
    }
}

/// An export as `--json` prints it.
struct ExportView: Encodable {
    var file: String?
    var claimIds: [String]
    var claimNumbers: [String]
    var interchangeControlNumber: Int
    var groupControlNumber: Int
    var transactionSetControlNumber: Int
    var usage: String
    /// The interchange itself when it was not written to a file.
    var x12: String?

    init(_ export: X12Export, file: String?) {
        self.file = file
        claimIds = export.claims.map(\.id)
        claimNumbers = export.claims.map(\.claimNumber)
        interchangeControlNumber = export.envelope.interchangeControlNumber
        groupControlNumber = export.envelope.groupControlNumber
        transactionSetControlNumber = export.envelope.transactionSetControlNumber
        usage = export.envelope.usage == .test ? "test" : "production"
        x12 = file == nil ? export.text : nil
    }
}

/// Export settings as `--json` prints them (unset values are left out).
struct ExportSettingsView: Encodable {
    var submitterName: String?
    var submitterId: String?
    var submitterIdQualifier: String?
    var submitterContact: String?
    var submitterPhone: String?
    var receiverName: String?
    var receiverId: String?
    var receiverIdQualifier: String?
    var usage: String?
    var lastInterchangeControlNumber: Int

    init(_ settings: ExportSettings, last: ControlNumbers) {
        submitterName = settings.submitterName
        submitterId = settings.submitterID
        submitterIdQualifier = settings.submitterIDQualifier
        submitterContact = settings.submitterContact
        submitterPhone = settings.submitterPhone
        receiverName = settings.receiverName
        receiverId = settings.receiverID
        receiverIdQualifier = settings.receiverIDQualifier
        usage = settings.usage.map { $0 == .test ? "test" : "production" }
        lastInterchangeControlNumber = last.interchange
    }
}
