import BillingModel
import GRDB

/// A ``BillingModel/CodeReference`` loaded from the store for one claim, so the scrubber
/// stays pure: every release, code, NCCI edit and MUE limit the claim can ask about is read
/// up front in one snapshot, then answered from memory.
///
/// Releases follow the store's in-force rule (``LocalStore/inForceCTE``): on a date, the
/// release of a system whose period covers the date (`effective_to` inclusive) with the
/// latest `effective_from`, ties going to the latest import.
///
/// Only the dates and codes given to ``load(_:dates:codes:)`` are loaded: asked about
/// another date it answers "no release", about another code "not there". Build one per
/// claim with ``load(_:for:)``.
public struct StoreCodeReference: CodeReference {
    /// The release id in force per system and date of service.
    private let releases: [SystemOnDate: String]
    /// Code entries by release id, then by code.
    private let entries: [String: [String: CodeEntry]]
    /// NCCI edits by release id, then by ordered code pair.
    private let edits: [String: [CodePair: [NCCIEdit]]]
    /// MUE limits by release id, then by code.
    private let limits: [String: [String: MUELimit]]
    /// Every release's name and period, by id, per system (for names and deletions).
    private var history: [CodeSystem: [ReleasePeriod]] = [:]
    /// The ids of every release (in force or not) that lists each loaded code.
    private var listedIn: [String: Set<String>] = [:]

    private init(releases: [SystemOnDate: String], entries: [String: [String: CodeEntry]],
                 edits: [String: [CodePair: [NCCIEdit]]], limits: [String: [String: MUELimit]]) {
        self.releases = releases
        self.entries = entries
        self.edits = edits
        self.limits = limits
    }

    /// Whether a release of `system` is in force on `date` (for a loaded date).
    public func hasRelease(of system: CodeSystem, on date: CalendarDate) -> Bool {
        releases[SystemOnDate(system: system, date: date)] != nil
    }

    /// The code's entry in the release of `system` in force on `date`.
    public func entry(for code: String, in system: CodeSystem, on date: CalendarDate) -> CodeEntry? {
        guard let release = releases[SystemOnDate(system: system, date: date)] else { return nil }
        return entries[release]?[code]
    }

    /// The NCCI edit for the ordered pair in the NCCI release in force on `date`, when the
    /// edit itself applies on `date`.
    public func ncciEdit(column1: String, column2: String, on date: CalendarDate) -> NCCIEdit? {
        guard let release = releases[SystemOnDate(system: .ncciPTP, date: date)] else { return nil }
        return edits[release]?[CodePair(column1: column1, column2: column2)]?.first { $0.isInForce(on: date) }
    }

    /// The code's MUE limit in the MUE release in force on `date`.
    public func mueLimit(for code: String, on date: CalendarDate) -> MUELimit? {
        guard let release = releases[SystemOnDate(system: .mue, date: date)] else { return nil }
        return limits[release]?[code]
    }

    /// The name and period of the release of `system` in force on `date` (for a loaded date).
    public func releaseInForce(of system: CodeSystem, on date: CalendarDate) -> ReleasePeriod? {
        guard let id = releases[SystemOnDate(system: system, date: date)] else { return nil }
        return history[system]?.first { $0.id == id }
    }

    /// When `code` (a loaded code), missing from the release of `system` in force on `date`,
    /// was deleted by an earlier release of the system.
    public func deletion(of code: String, in system: CodeSystem, on date: CalendarDate) -> CodeDeletion? {
        guard let inForce = releaseInForce(of: system, on: date), entry(for: code, in: system, on: date) == nil,
              let all = history[system], let listing = listedIn[code] else { return nil }
        return CodeDeletion.find(code, system: system, inForce: inForce, history: all) { listing.contains($0) }
    }

    // MARK: - Loading

    /// Loads what scrubbing `claim` needs: its dates of service and every code it carries
    /// (diagnoses, procedures, modifiers, places of service).
    public static func load(_ db: Database, for claim: Claim) throws -> StoreCodeReference {
        var codes = Set(claim.diagnoses)
        codes.insert(claim.placeOfService)
        for line in claim.lines {
            codes.insert(line.procedureCode)
            codes.formUnion(line.modifiers)
            if let place = line.placeOfService { codes.insert(place) }
        }
        return try load(db, dates: Set(claim.lines.map(\.serviceDate)), codes: codes)
    }

    /// Loads the releases in force on `dates` and, from them, the entries, NCCI edits
    /// (pairs of two of `codes`) and MUE limits of `codes`.
    public static func load(_ db: Database, dates: Set<CalendarDate>, codes: Set<String>) throws -> StoreCodeReference {
        var releases: [SystemOnDate: String] = [:]
        for date in dates {
            let rows = try Row.fetchAll(db, sql: "WITH \(LocalStore.inForceCTE) SELECT id, system FROM in_force",
                                        arguments: ["day": date.description])
            for row in rows {
                guard let system = CodeSystem(rawValue: row["system"]) else { continue }
                releases[SystemOnDate(system: system, date: date)] = row["id"]
            }
        }
        let releaseIDs = Array(Set(releases.values))
        let codeList = Array(codes)
        guard !releaseIDs.isEmpty, !codeList.isEmpty else {
            var reference = StoreCodeReference(releases: releases, entries: [:], edits: [:], limits: [:])
            try reference.loadHistory(db, codes: codeList)
            return reference
        }
        let inReleases = placeholders(releaseIDs.count)
        let inCodes = placeholders(codeList.count)

        var entries: [String: [String: CodeEntry]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT release_id, code, short_description, description, billable FROM code
            WHERE code IN \(inCodes) AND release_id IN \(inReleases)
            """, arguments: StatementArguments(codeList + releaseIDs)) {
            let code: String = row["code"]
            entries[row["release_id"], default: [:]][code] = CodeEntry(
                code: code, shortDescription: row["short_description"], description: row["description"],
                billable: row["billable"])
        }

        var edits: [String: [CodePair: [NCCIEdit]]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT release_id, column1, column2, effective, deletion, modifier_indicator, rationale FROM ncci_edit
            WHERE column1 IN \(inCodes) AND column2 IN \(inCodes) AND release_id IN \(inReleases)
            """, arguments: StatementArguments(codeList + codeList + releaseIDs)) {
            guard let effective = CalendarDate(row["effective"] as String),
                  let indicator = NCCIEdit.ModifierIndicator(rawValue: row["modifier_indicator"]) else { continue }
            let edit = NCCIEdit(column1: row["column1"], column2: row["column2"], effective: effective,
                                deletion: (row["deletion"] as String?).flatMap(CalendarDate.init),
                                modifierIndicator: indicator, rationale: row["rationale"])
            edits[row["release_id"], default: [:]][CodePair(column1: edit.column1, column2: edit.column2), default: []]
                .append(edit)
        }

        var limits: [String: [String: MUELimit]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT release_id, code, max_units, indicator, rationale FROM mue_limit
            WHERE code IN \(inCodes) AND release_id IN \(inReleases)
            """, arguments: StatementArguments(codeList + releaseIDs)) {
            guard let indicator = MUELimit.Indicator(rawValue: row["indicator"]) else { continue }
            let code: String = row["code"]
            let limit = MUELimit(code: code, maxUnits: row["max_units"], indicator: indicator, rationale: row["rationale"])
            // The file lists a code once; should it repeat, the strictest limit holds.
            if let known = limits[row["release_id"]]?[code], known.maxUnits <= limit.maxUnits { continue }
            limits[row["release_id"], default: [:]][code] = limit
        }
        var reference = StoreCodeReference(releases: releases, entries: entries, edits: edits, limits: limits)
        try reference.loadHistory(db, codes: codeList)
        return reference
    }

    /// Reads every release's period and which releases list each of `codes`: what release
    /// names and deletions are answered from.
    private mutating func loadHistory(_ db: Database, codes: [String]) throws {
        for release in try CodeRelease.fetchAll(db) {
            guard let period = release.period else { continue }
            history[release.system, default: []].append(period)
        }
        guard !codes.isEmpty else { return }
        for row in try Row.fetchAll(db, sql: "SELECT code, release_id FROM code WHERE code IN \(Self.placeholders(codes.count))",
                                    arguments: StatementArguments(codes)) {
            listedIn[row["code"], default: []].insert(row["release_id"])
        }
    }

    private static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    private struct SystemOnDate: Hashable {
        var system: CodeSystem
        var date: CalendarDate
    }

    private struct CodePair: Hashable {
        var column1: String
        var column2: String
    }
}
