import ArgumentParser
import BillingModel
import ClinicStore
import CommandSupport
import Foundation

/// `clinicsync codes ...`: codebook releases, import and search.
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "Import, search and show codes.",
        subcommands: [CodesImport.self, CodesLoadBundled.self, CodesSearch.self, CodesShow.self, CodesReleases.self,
                      CodesDiff.self, CodesImpact.self, CodesSynonyms.self, CodesFavorites.self])
}

extension CodeSystem: ExpressibleByArgument {
    /// Parses `--system`: the command-line name (`ncci-ptp`) or the wire name (`NCCI_PTP`).
    public init?(argument: String) { self.init(name: argument) }
    /// The values help lists: `icd10cm`, `cpt`, `hcpcs`, `modifier`, `pos`, `ncci-ptp`, `mue`.
    public static var allValueStrings: [String] { allCases.map(\.cliName) }
}

extension CalendarDate: ExpressibleByArgument {
    /// Parses a date option as `YYYY-MM-DD` (or `YYYYMMDD`); a day that does not exist is refused.
    public init?(argument: String) { self.init(argument) }
}

/// `clinicsync codes import --system S --release NAME FILE`: all rows or nothing; bad rows are named by line.
struct CodesImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a release file (ICD-10-CM order file, CSV/TSV list, NCCI PTP, MUE).")

    @OptionGroup var options: StoreOptions
    @Option(help: "icd10cm, cpt, hcpcs, modifier, pos, ncci-ptp or mue.") var system: CodeSystem
    @Option(help: "The release name, e.g. ICD10CM-FY2026.") var release: String
    @Option(help: ArgumentHelp("First date of service the release applies to (default: the code set's calendar).",
                               discussion: "Without it: icd10cm takes October 1 before its fiscal year (FY2026 -> 2025-10-01), "
                                   + "cpt January 1 of its year (2026 -> 2026-01-01), the year coming from --year or else "
                                   + "from the release name (its one four-digit year, e.g. ICD10CM-FY2026, CPT-2026); "
                                   + "hcpcs, ncci-ptp and mue are quarterly and need --effective; modifier and pos take today. "
                                   + "The previous release of the system ends the day before; an overlapping or "
                                   + "out-of-order release is refused."))
    var effective: CalendarDate?
    @Option(help: "The release year when the name does not carry it: the fiscal year for icd10cm, the calendar year for cpt.")
    var year: Int?
    @Option(name: .customLong("effective-to"), help: "Last date it applies to (default: until a newer release).")
    var effectiveTo: CalendarDate?
    @Argument(help: "The file (plain or .gz).") var file: String

    func run() throws {
        let store = try options.open()
        let from = try effective ?? CodeSetCalendar.effectiveDate(system: system, releaseName: release, year: year,
                                                                  today: store.today)
        let spec = ReleaseImport(system: system, name: release, effectiveFrom: from,
                                 effectiveTo: effectiveTo, sourceName: file.split(separator: "/").last.map(String.init) ?? file)
        let label = release, progress = options.progress()
        let imported = try store.importRelease(spec, file: file) { progress.update(label, done: $0, total: $1, unit: "rows") }
        progress.finish()
        try options.emit(imported) {
            "Imported \(imported.entryCount) \(system.cliName) entries as release \(imported.name) (in force from \(imported.effectiveFrom))."
        }
    }
}

/// `clinicsync codes load-bundled`: imports the shipped code sets the store lacks; running it again does nothing.
struct CodesLoadBundled: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-bundled",
        abstract: "Load the code sets shipped with ClinicSync (ICD-10-CM FY2025, POS, modifiers, demo procedures).")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open()
        let progress = options.progress()
        let imported = try store.loadBundledCodebooks { progress.update($0, done: $1, total: $2, unit: "rows") }
        progress.finish()
        try options.emit(imported) {
            imported.isEmpty ? "The bundled code sets are already loaded."
                : Table(headers: ["SYSTEM", "RELEASE", "ENTRIES", "FROM"],
                        rows: imported.map { [$0.system.cliName, $0.name, String($0.entryCount), $0.effectiveFrom] }).render()
        }
    }
}

/// `clinicsync codes search QUERY`: as-you-type search of the releases in force on `--on` (default today).
struct CodesSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find codes by code prefix, words, everyday words or abbreviations.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "What you are looking for: '9921', 'E11.6', 'type 2 diabetes', 'office vis', 'uti', 'pink eye'.")
    var query: String
    @Option(help: "Only this code system.") var system: CodeSystem?
    @Option(help: "Search the releases in force on this date (default: today).") var on: CalendarDate?
    @Option(help: "How many results.") var limit = 10

    func run() throws {
        let found = try options.open().findCodes(query, system: system, on: on, limit: limit)
        if options.json, let corrected = found.didYouMean {
            FileHandle.standardError.write(Data("did you mean '\(corrected)'? showing codes for it\n".utf8))
        }
        try options.emit(found.matches) {
            var lines: [String] = []
            if let corrected = found.didYouMean { lines.append("Did you mean '\(corrected)'? Showing codes for it.") }
            if !found.readAs.isEmpty { lines.append("Read as: \(found.readAs.map { "'\($0)'" }.joined(separator: " or ")).") }
            lines.append(Table(headers: ["CODE", "SYSTEM", "DESCRIPTION"],
                               rows: found.matches.map { [$0.display + ($0.billable ? "" : " (header)"), $0.system.cliName, $0.description] })
                .render(empty: "No codes match '\(query)'."))
            return lines.joined(separator: "\n")
        }
    }
}

/// `clinicsync codes show CODE`: the code in every release that has it, newest first, and a
/// header's billable codes; exits non-zero if none.
struct CodesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a code in every release that has it.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The code, with or without its dot.") var code: String

    /// A code in one release, with the billable codes under it when it is a header.
    struct Shown: Encodable {
        var match: CodeMatch
        var children: HeaderChildren?

        func encode(to encoder: any Encoder) throws {
            try match.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(children?.children, forKey: .billableChildren)
            try container.encodeIfPresent(children?.total, forKey: .billableChildrenTotal)
        }

        enum Key: String, CodingKey {
            case billableChildren = "billable_children", billableChildrenTotal = "billable_children_total"
        }
    }

    func run() throws {
        let store = try options.open()
        let matches = try store.lookupCode(code)
        guard !matches.isEmpty else { throw StoreError.notFound(entity: "code", id: code) }
        let shown = try matches.map { Shown(match: $0, children: try store.billableChildren(of: $0)) }
        try options.emit(shown) {
            let table = Table(headers: ["CODE", "SYSTEM", "RELEASE", "FROM", "BILLABLE", "DESCRIPTION"],
                              rows: matches.map { [$0.display, $0.system.cliName, $0.release, $0.effectiveFrom,
                                                   $0.billable ? "yes" : "no (header)", $0.description] }).render()
            return ([table] + shown.compactMap { $0.children.map { "\($0.sentence) (\($0.release))" } }).joined(separator: "\n")
        }
    }
}

/// `clinicsync codes releases [--system S]`: every release with its effective range, size, origin and short SHA-256.
struct CodesReleases: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "releases", abstract: "List the code releases in the store with their effective ranges.")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this code system.") var system: CodeSystem?

    func run() throws {
        let releases = try options.open().releases(system: system)
        try options.emit(releases) {
            Table(headers: ["SYSTEM", "RELEASE", "FROM", "TO", "ENTRIES", "ORIGIN", "SHA256"],
                  rows: releases.map { [$0.system.cliName, $0.name, $0.effectiveFrom, $0.effectiveTo ?? "-",
                                        String($0.entryCount), $0.origin.rawValue, String($0.sha256.prefix(12))] })
                .render(empty: "No code releases yet: run `clinicsync codes load-bundled`.")
        }
    }
}
