import ArgumentParser
import BillingModel
import CentralPostgres
import ClinicStore
import Foundation

/// `clinicsync claim ...`: open, code, edit, inspect and follow claims.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Create, code and follow claims.",
        subcommands: [ClaimNew.self, ClaimLineCommand.self, ClaimSet.self, ClaimShow.self, ClaimList.self,
                      ClaimHistory.self,
                      ClaimCheckCommand.self, ClaimSubmit.self, ClaimVoid.self, ClaimReplace.self])
}

/// `clinicsync claim new`: opens a draft claim for a patient and payer; prints it with its `id` and claim number.
struct ClaimNew: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Open a draft claim.")
    @OptionGroup var options: StoreOptions
    @Option(help: "The patient id.") var patient: String
    @Option(help: "The payer id (record id or payer id).") var payer: String
    @Option(name: .customLong("billing-npi")) var billingNPI: String
    @Option(name: .customLong("rendering-npi")) var renderingNPI: String?
    @Option(help: "Place of service.") var pos = "11"
    @Option(help: "An ICD-10-CM diagnosis; repeat in order, principal first.") var dx: [String] = []
    @Option(help: "Free-text notes.") var notes = ""

    func run() throws {
        let claim = try options.open().newClaim(
            ClaimInput(patientID: patient, payer: payer, billingNPI: billingNPI, renderingNPI: renderingNPI,
                       placeOfService: pos, diagnoses: dx, notes: notes), author: options.author)
        try options.emit(ClaimView(claim)) { "Opened claim \(claim.claimNumber) (\(claim.id))." }
    }
}

/// `clinicsync claim set CLAIM FIELD VALUE [--postgres URL]`: changes one claim field, in the store file or at the
/// PostgreSQL central node; coding fields are frozen once submitted.
struct ClaimSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a claim field.",
        discussion: "Fields: \(ClaimField.names). Diagnoses are comma-separated, principal first.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "Claim id or claim number.") var claim: String
    @Argument(help: "The field.") var field: String
    @Argument(help: "The new value.") var value: String

    func run() async throws {
        guard let claimField = ClaimField(rawValue: field) else {
            // One line, like every other refusal (a ValidationError would add the usage text).
            throw StoreError.invalid(entity: "claim", field: field, reason: "is not a claim field (fields: \(ClaimField.names))")
        }
        let key = claim, value = value, author = options.author
        let updated = try await postgres.withOffice(options) {
            try await $0.setClaimField(key, field: claimField, value: value, author: author)
        }
        try options.emit(ClaimView(updated)) { "Claim \(updated.claimNumber): \(field) updated." }
    }
}

/// `clinicsync claim show CLAIM [--postgres URL]`: one claim with its lines, found by id or claim number.
struct ClaimShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a claim with its lines.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "Claim id or claim number.") var claim: String

    func run() async throws {
        let key = claim
        let (found, names) = try await postgres.withOffice(options) { office in
            let found = try await office.claim(key)
            return (found, await RowNames.load(office, RowNames.references(of: found)))
        }
        try options.emit(ClaimView(found)) { found.humanDescription(names) }
    }
}

/// `clinicsync claim list [--status S] [--clinic ID] [--limit N] [--offset N] [--postgres URL]`: claims newest
/// first, one page (500 by default), as a table or a JSON array.
struct ClaimList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List claims, newest first.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Option(help: "Only claims in this status (draft, coded, submitted ...).") var status: String?
    @Option(help: "Only claims of this clinic (at the central office).") var clinic: String?
    @Option(help: "At most this many claims (the page size).") var limit = 500
    @Option(help: "Skip this many claims first, for the next page.") var offset = 0

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 10000") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
    }

    func run() async throws {
        var query = ClaimQuery(clinic: clinic, limit: limit, offset: offset)
        if let status {
            guard let parsed = ClaimLifecycle.Stage(name: status) else { throw ValidationError("unknown status '\(status)'") }
            query.stage = parsed
        }
        let wanted = query
        let (claims, names) = try await postgres.withOffice(options) { office in
            let claims = try await office.claims(matching: wanted)
            return (claims, await RowNames.load(office, claims.flatMap(RowNames.references(of:))))
        }
        try options.emit(claims.map(ClaimView.init)) {
            Table(headers: ["CLAIM", "STATUS", "PATIENT", "PAYER", "DX", "LINES", "TOTAL"],
                  rows: claims.map { [$0.claimNumber, $0.lifecycle.description, names.patient($0.patientID), names.payer($0.payerID), $0.diagnoses.map(DiagnosisCode.display).joined(separator: ","),
                                      String($0.lines.count), Money.dollars($0.totalChargeCents)] })
                .render(empty: "No claims yet.")
        }
    }
}

/// `clinicsync claim history CLAIM [--postgres URL]`: the audit trail from the change log, oldest first (UTC time,
/// author, site).
struct ClaimHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Who changed what, where and when.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "Claim id or claim number.") var claim: String

    func run() async throws {
        let key = claim
        let (entries, names) = try await postgres.withOffice(options) { office in
            let entries = try await office.claimHistory(key)
            let named = entries.compactMap { entry -> RowReference? in
                guard let id = entry.value else { return nil }
                switch entry.field {
                case "patient_id": return RowReference("patient", id)
                case "payer_id": return RowReference("payer", id)
                default: return nil
                }
            }
            return (entries, await RowNames.load(office, named))
        }
        let formatter = ISO8601DateFormatter()
        try options.emit(entries) {
            Table(headers: ["WHEN (UTC)", "WHO", "WHERE", "WHAT", "VALUE"],
                  rows: entries.map { entry in
                      let what = (entry.table == "claim" ? "claim" : "line \(entry.lineNumber.map(String.init) ?? "?")")
                          + (entry.field == "*" ? " created" : " \(entry.field)")
                      var value = entry.field == "*" ? "" : (entry.value ?? "null")
                      if entry.field == "lifecycle", let rank = Int(value), let lifecycle = ClaimLifecycle(rank: rank) {
                          value = lifecycle.description
                      } else if entry.field == "patient_id" || entry.field == "payer_id", let id = entry.value {
                          value = entry.field == "patient_id" ? names.patient(id) : names.payer(id)
                      }
                      if !entry.applied { value += " (merged away: see conflicts)" }
                      if let original = entry.restampedFromMillis {
                          value += " (re-stamped: made with a clock that ran ahead, stamped "
                              + formatter.string(from: Date(timeIntervalSince1970: Double(original) / 1000)) + ")"
                      }
                      return [formatter.string(from: Date(timeIntervalSince1970: Double(entry.atMillis) / 1000)),
                              entry.author ?? "?", entry.site, what, value]
                  }).render()
        }
    }
}

/// `clinicsync claim line add|set|remove`.
struct ClaimLineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "line", abstract: "Add, change or remove service lines.",
                                                    subcommands: [LineAdd.self, LineSet.self, LineRemove.self])
}

/// The line fields shared by `line add` and `line set`.
struct LineFields: ParsableArguments {
    @Option(help: "CPT or HCPCS code.") var code: String?
    @Option(help: "A modifier; repeat for up to 4.") var modifier: [String] = []
    @Option(help: "Units.") var units: Int?
    @Option(help: "Charge in dollars, e.g. 125.00.") var charge: String?
    @Option(help: "Date of service, YYYY-MM-DD.") var date: String?
    @Option(name: .customLong("date-to"), help: "Last date of a multi-day service.") var dateTo: String?
    @Option(name: .customLong("dx-pointer"), help: "A diagnosis pointer (1-12); repeat for up to 4.") var dxPointer: [Int] = []
    @Option(help: "Place of service for this line, when it differs from the claim's.") var pos: String?

    var input: LineInput {
        LineInput(procedureCode: code, modifiers: modifier.isEmpty ? nil : modifier, units: units, charge: charge,
                  serviceDate: date, serviceDateTo: dateTo, diagnosisPointers: dxPointer.isEmpty ? nil : dxPointer,
                  placeOfService: pos)
    }
}

/// `clinicsync claim line add CLAIM`: appends a service line; needs `--code`, `--units`, `--charge` and `--date`.
struct LineAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a service line.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Claim id or claim number.") var claim: String
    @OptionGroup var fields: LineFields

    func run() throws {
        let line = try options.open().addLine(claim: claim, fields.input, author: options.author)
        try options.emit(ClaimView.Line(line)) {
            "Added line \(line.lineNumber): \(line.procedureCode) x\(line.units) \(Money.dollars(line.chargeCents))."
        }
    }
}

/// `clinicsync claim line set CLAIM LINE`: changes the given fields of one line; the others keep their value.
struct LineSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change fields of a service line.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Claim id or claim number.") var claim: String
    @Argument(help: "The line number.") var line: Int
    @OptionGroup var fields: LineFields

    func run() throws {
        let updated = try options.open().setLine(claim: claim, lineNumber: line, fields.input, author: options.author)
        try options.emit(ClaimView.Line(updated)) { "Line \(updated.lineNumber) updated." }
    }
}

/// `clinicsync claim line remove CLAIM LINE`: tombstones the line (so the removal syncs) and updates the total.
struct LineRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a service line.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Claim id or claim number.") var claim: String
    @Argument(help: "The line number.") var line: Int

    func run() throws {
        let updated = try options.open().removeLine(claim: claim, lineNumber: line, author: options.author)
        try options.emit(ClaimView(updated)) { "Removed line \(line) from claim \(updated.claimNumber)." }
    }
}

extension ClaimView.Line {
    init(_ line: ServiceLine) {
        self.init(id: line.id, lineNumber: line.lineNumber, code: line.procedureCode, modifiers: line.modifiers,
                  units: line.units, chargeCents: line.chargeCents, date: line.serviceDate.description,
                  dateTo: line.serviceDateTo?.description, dxPointers: line.diagnosisPointers, pos: line.placeOfService)
    }
}
