import ArgumentParser
import BillingModel
import ClinicStore

/// `clinicsync patient add|list|show`.
struct PatientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patient", abstract: "Register and look up patients.",
                                                    subcommands: [PatientAdd.self, PatientList.self, PatientShow.self])
}

/// `clinicsync patient add`: registers a patient (PHI) of this clinic; prints the new patient id.
struct PatientAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a patient.")
    @OptionGroup var options: StoreOptions
    @Option var first: String
    @Option var last: String
    @Option(help: "Date of birth, YYYY-MM-DD.") var dob: String
    @Option(help: "F, M or U.") var sex: String
    @Option(name: .customLong("member-id")) var memberID: String
    @Option var address: String?
    @Option var city: String?
    @Option var state: String?
    @Option var zip: String?
    @Option(help: "The patient id of the insured person, when this patient is a dependent.") var subscriber: String?
    @Option(help: "Relationship to the subscriber: 01 spouse, 19 child, G8 other ...") var relationship: String?

    func run() throws {
        let patient = try options.open().addPatient(
            PatientInput(firstName: first, lastName: last, dateOfBirth: dob, sex: sex, memberID: memberID,
                         address: address, city: city, state: state, zip: zip, subscriberID: subscriber,
                         relationship: relationship), author: options.author)
        try options.emit(PatientView(patient)) { "Added patient \(patient.id)." }
    }
}

/// `clinicsync patient list`: every patient by last name, with birth date and member id (PHI).
struct PatientList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List patients.")
    @OptionGroup var options: StoreOptions

    func run() throws {
        let patients = try options.open().patients()
        try options.emit(patients.map(PatientView.init)) {
            Table(headers: ["ID", "NAME", "DOB", "SEX", "MEMBER ID"],
                  rows: patients.map { [$0.id, "\($0.lastName), \($0.firstName)", $0.dateOfBirth.description,
                                        $0.sex.rawValue, $0.memberID] }).render(empty: "No patients yet.")
        }
    }
}

/// `clinicsync patient show ID`: one patient by record id, with address and subscriber when kept.
struct PatientShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one patient.")
    @OptionGroup var options: StoreOptions
    @Argument var id: String

    func run() throws {
        let patient = try options.open().patient(id: id)
        try options.emit(PatientView(patient)) {
            var lines = ["Patient \(patient.id)", "  name:      \(patient.lastName), \(patient.firstName)",
                         "  born:      \(patient.dateOfBirth)", "  sex:       \(patient.sex.rawValue)",
                         "  member id: \(patient.memberID)"]
            if let address = patient.address {
                lines.append("  address:   \(address.line1), \(address.city) \(address.state) \(address.zip)")
            }
            if let subscriber = patient.subscriberID {
                lines.append("  dependent of \(subscriber) (relationship \(patient.relationship ?? "?"))")
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// `clinicsync provider add|list`.
struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "provider", abstract: "Register and list providers.",
                                                    subcommands: [ProviderAdd.self, ProviderList.self])
}

/// `clinicsync provider add --npi NPI --name NAME`: registers a provider; the NPI must pass its check digit.
struct ProviderAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a provider by NPI.")
    @OptionGroup var options: StoreOptions
    @Option var npi: String
    @Option(help: "Organization name, or 'Last, First' for a person.") var name: String
    @Option(name: .customLong("tax-id"), help: "Employer identification number.") var taxID: String?
    @Option var taxonomy: String?
    @Option var address: String?
    @Option var city: String?
    @Option var state: String?
    @Option var zip: String?

    func run() throws {
        let provider = try options.open().addProvider(
            ProviderInput(npi: npi, name: name, taxID: taxID, taxonomy: taxonomy, address: address, city: city,
                          state: state, zip: zip), author: options.author)
        try options.emit(provider) { "Added provider \(provider.name) (NPI \(provider.npi)), id \(provider.id)." }
    }
}

/// `clinicsync provider list`: every provider by name, with NPI, tax id and taxonomy.
struct ProviderList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List providers.")
    @OptionGroup var options: StoreOptions

    func run() throws {
        let providers = try options.open().providers()
        try options.emit(providers) {
            Table(headers: ["NPI", "NAME", "TAX ID", "TAXONOMY", "ID"],
                  rows: providers.map { [$0.npi, $0.name, $0.taxID ?? "-", $0.taxonomy ?? "-", $0.id] })
                .render(empty: "No providers yet.")
        }
    }
}

/// `clinicsync payer add|list`.
struct PayerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "payer", abstract: "Add and list payers.",
                                                    subcommands: [PayerAdd.self, PayerList.self])
}

/// `clinicsync payer add --payer-id ID --name NAME`: a payer this clinic bills; the filing indicator defaults to CI.
struct PayerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a payer this clinic bills.")
    @OptionGroup var options: StoreOptions
    @Option(name: .customLong("payer-id")) var payerID: String
    @Option var name: String
    @Option(name: .customLong("filing-indicator"), help: "CI, MB, MC, BL ...") var filingIndicator = "CI"

    func run() throws {
        let payer = try options.open().addPayer(payerID: payerID, name: name, filingIndicator: filingIndicator,
                                                author: options.author)
        try options.emit(payer) { "Added payer \(payer.name) (\(payer.payerID)), id \(payer.id)." }
    }
}

/// `clinicsync payer list`: this clinic's payers and the central shared list (owner `central`), by name.
struct PayerList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List payers.")
    @OptionGroup var options: StoreOptions

    func run() throws {
        let payers = try options.open().payers()
        try options.emit(payers) {
            Table(headers: ["PAYER ID", "NAME", "FILING", "OWNER", "ID"],
                  rows: payers.map { [$0.payerID, $0.name, $0.filingIndicator, $0.owner, $0.id] })
                .render(empty: "No payers yet.")
        }
    }
}
