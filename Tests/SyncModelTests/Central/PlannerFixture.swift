import BillingModel
@testable import SyncModel

/// Builders for the planner tests: a central node (site `central-node`) holding patient
/// `P1` of `clinic-a` and the central payer `Y1`, and pushes from site `site-a` of `clinic-a`.
enum PlannerFixture {
    static let clinic = "clinic-a"
    static let site = "site-a"
    static let node = "central-node"
    static let patient = PushScreen.RowKey(table: "patient", id: "P1")
    static let payer = PushScreen.RowKey(table: "payer", id: "Y1")

    /// A version of `site-a` (or `site`) at `millis` with sequence `seq`.
    static func version(_ millis: Int64, _ seq: Int64, site: String = site) -> Version {
        Version(hlc: HLC(millis: millis), site: site, seq: seq)
    }

    /// A lifecycle rank.
    static func rank(_ stage: ClaimLifecycle.Stage, round: Int = 1) -> FieldValue {
        .integer(Int64(ClaimLifecycle(round: round, stage: stage).rank))
    }

    /// The values of a valid claim of patient P1 at payer Y1.
    static func claimValues(lifecycle: FieldValue = rank(.draft), notes: String = "") -> [String: FieldValue] {
        ["owner": .text(clinic), "deleted": .integer(0), "claim_number": .text("CN-1"), "patient_id": .text(patient.id),
         "payer_id": .text(payer.id), "billing_npi": .text("1234567893"), "rendering_npi": .null, "pos": .text("11"),
         "diagnoses": .text("E119"), "frequency": .text("1"), "payer_claim_number": .null, "lifecycle": lifecycle,
         "total_charge_cents": .integer(10_000), "notes": .text(notes), "original_claim_id": .null]
    }

    /// The values of a valid line of `claim`.
    static func lineValues(claim: String, number: Int64 = 1) -> [String: FieldValue] {
        ["owner": .text(clinic), "deleted": .integer(0), "claim_id": .text(claim), "line_number": .integer(number),
         "procedure_code": .text("99213"), "modifiers": .text(""), "units": .integer(1), "charge_cents": .integer(10_000),
         "service_date": .text("2026-01-05"), "service_date_to": .null, "dx_pointers": .text("1"), "pos": .null]
    }

    /// A row insert pushed by `site-a`.
    static func insert(_ table: String, _ row: String, _ values: [String: FieldValue], seq: Int64, millis: Int64,
                       observed: Int64 = 0) -> Change {
        Change.insert(table: table, row: row, owner: clinic, values: values, version: version(millis, seq),
                      observed: observed)
    }

    /// A field change pushed by `site-a`.
    static func edit(_ table: String, _ row: String, _ field: String, _ value: FieldValue, seq: Int64, millis: Int64,
                     observed: Int64 = 0, reasserting: Int64? = nil) -> Change {
        Change(table: table, row: row, owner: clinic, field: field, value: value, version: version(millis, seq),
               observed: observed, reassertedLifecycle: reasserting)
    }

    /// The field states of a row the node holds, every column written by `version` (server sequence `serverSeq`).
    static func states(_ values: [String: FieldValue], at version: Version, serverSeq: Int64,
                       observed: Int64 = 0) -> [String: FieldState] {
        values.mapValues { FieldState(value: $0, version: version, serverSeq: serverSeq, observed: observed) }
    }

    /// The node's facts: P1 and Y1, `site-a` at `progress`, plus `rows` (their owner is `clinic-a`).
    static func facts(progress: Int64 = 0, rows: [PushScreen.RowKey: [String: FieldState]] = [:],
                      logged: [ChangeKey: Int64?] = [:]) -> PrefetchedFacts {
        var owners: [PushScreen.RowKey: String?] = [patient: clinic, payer: SyncSchema.centralSite]
        for key in rows.keys { owners[key] = .some(clinic) }
        return PrefetchedFacts(progress: [site: progress], owners: owners, states: rows, loggedSeqs: logged)
    }

    /// Central-node settings for a push from `site-a` when the log head is `head`.
    static func settings(head: Int64 = 100) -> ApplyPlanner.Settings {
        ApplyPlanner.Settings(localSite: node, central: true,
                              screen: ApplyPlanner.Screen(clinicID: clinic, siteID: site, logHead: head),
                              nextLogSeq: head + 1)
    }

    /// Rows that do not exist are absent rather than unknown: answers "no such row" for any other key.
    static func absent(_ keys: [PushScreen.RowKey], in facts: inout PrefetchedFacts) {
        for key in keys where facts.owners[key] == nil { facts.owners[key] = .some(nil) }
    }
}
