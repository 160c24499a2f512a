import ArgumentParser
import BillingModel
import ClinicStore

/// `clinicsync codes diff --system S --from R1 --to R2 [--json | --csv]`: added, deleted and
/// re-described codes (and billable flag changes) between two releases of one system.
struct CodesDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What changed between two releases of a code system: added, deleted, re-described codes.")

    @OptionGroup var options: StoreOptions
    @Option(help: "icd10cm, cpt, hcpcs, modifier or pos.") var system: CodeSystem
    @Option(help: "The older release (name or id).") var from: String
    @Option(help: "The newer release (name or id).") var to: String
    @Flag(help: "Print comma-separated values: change,code,description,old_description,old_billable,new_billable.")
    var csv = false

    func validate() throws {
        if csv && options.json { throw ValidationError("--csv and --json cannot be used together") }
    }

    func run() throws {
        let diff = try options.open().diffReleases(system: system, from: from, to: to)
        if csv {
            print(CSV(headers: ["change", "code", "description", "old_description", "old_billable", "new_billable"],
                      rows: Self.rows(diff).map { [$0.change, $0.code, $0.description, $0.old, $0.oldBillable, $0.newBillable] })
                .render())
            return
        }
        try options.emit(diff) {
            let counts = "\(diff.added.count) added, \(diff.deleted.count) deleted, \(diff.changed.count) changed"
            let table = Table(headers: ["CHANGE", "CODE", "DESCRIPTION", "BEFORE"],
                              rows: Self.rows(diff).map { [$0.change, $0.display, $0.description, $0.old] })
                .render(empty: "No differences.")
            return "\(system.cliName) \(diff.from.name) -> \(diff.to.name): \(counts).\n\n\(table)"
        }
    }

    /// One printed row per code: what changed, the code, its description now (or before, when deleted).
    private struct Row {
        var change: String, code: String, display: String, description: String, old: String
        var oldBillable: String, newBillable: String
    }

    private static func rows(_ diff: CodeDiff) -> [Row] {
        let added = diff.added.map {
            Row(change: "added", code: $0.code, display: $0.display, description: $0.description, old: "",
                oldBillable: "", newBillable: $0.billable ? "yes" : "no")
        }
        let deleted = diff.deleted.map {
            Row(change: "deleted", code: $0.code, display: $0.display, description: $0.description, old: "",
                oldBillable: $0.billable ? "yes" : "no", newBillable: "")
        }
        let changed = diff.changed.map { change in
            var what: [String] = []
            if change.redescribed { what.append("re-described") }
            if change.oldBillable != change.newBillable { what.append(change.newBillable ? "now billable" : "now a header") }
            return Row(change: what.joined(separator: ", "), code: change.code, display: change.display,
                       description: change.newDescription, old: change.redescribed ? change.oldDescription : "",
                       oldBillable: change.oldBillable ? "yes" : "no", newBillable: change.newBillable ? "yes" : "no")
        }
        return added + deleted + changed
    }
}

/// `clinicsync codes impact --release R [--system S] [--postgres URL]`: the open claims a release touches,
/// in the store file or at the PostgreSQL central node.
struct CodesImpact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Open claims a release touches: codes it deletes, dates of service that straddle its start.",
        discussion: "Open claims are those not yet submitted, or rejected and in rework. On the central store (or with "
            + "--postgres, at the PostgreSQL central node, over its published releases), every clinic's.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Option(help: "The release (name or id).") var release: String
    @Option(help: "The release's code system, when two systems have a release of that name.") var system: CodeSystem?

    func run() async throws {
        let release = self.release, system = self.system
        let report = try await postgres.withCentral { try await $0.releaseImpact(release, system: system) }
            ?? options.open().releaseImpact(release, system: system)
        try options.emit(report) {
            let header = "\(report.release.system.cliName) \(report.release.name) from \(report.release.effectiveFrom)"
                + (report.previous.map { " (after \($0.name)): \(report.deletedCodes) codes deleted" } ?? ": the first release")
                + "; \(report.claims.count) of \(report.openClaims) open claims touched."
            let rows = report.claims.flatMap { claim in
                claim.impacts.map { impact in
                    [claim.claimNumber, claim.clinic, claim.status, impact.lineNumber.map(String.init) ?? "-",
                     impact.kind == .straddles ? "straddles" : "deleted code", impact.message]
                }
            }
            return header + "\n\n" + Table(headers: ["CLAIM", "CLINIC", "STATUS", "LINE", "WHY", "WHAT TO DO"], rows: rows)
                .render(empty: "No open claim is touched.")
        }
    }
}
