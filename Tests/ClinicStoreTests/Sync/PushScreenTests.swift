import ClinicStore
import SyncModel
import Testing

/// DESIGN §4 "A hostile clinic": the one screen both central backends call, table-tested over
/// values. Clinic `a` pushes from site `a-site`; `b` is another clinic.
@Suite struct PushScreenTests {
    static let version = Version(hlc: HLC(millis: 1_000), site: "a-site", seq: 7)

    static func insert(_ table: String, _ values: [String: FieldValue], row: String = "row-1", owner: String = "a",
                       site: String = "a-site", observed: Int64 = 0, author: String? = nil,
                       reasserted: Int64? = nil) -> Change {
        var change = Change.insert(table: table, row: row, owner: owner, values: values.merging(["owner": .text(owner)]) { new, _ in new },
                                   version: Version(hlc: HLC(millis: 1_000), site: site, seq: 7), observed: observed,
                                   author: author)
        change.reassertedLifecycle = reasserted
        return change
    }

    static func field(_ table: String, _ field: String, _ value: FieldValue, row: String = "row-1",
                      reasserted: Int64? = nil, observed: Int64 = 0) -> Change {
        var change = Change.field(table: table, row: row, owner: "a", field: field, value: value, version: version,
                                  replaced: nil, observed: observed)
        change.reassertedLifecycle = reasserted
        return change
    }

    static func line(claim: String) -> [String: FieldValue] {
        ["claim_id": .text(claim), "line_number": .integer(1), "procedure_code": .text("99213"), "modifiers": .text(""),
         "units": .integer(1), "charge_cents": .integer(100), "service_date": .text("2025-01-10"),
         "service_date_to": .null, "dx_pointers": .text("1"), "pos": .null, "deleted": .integer(0)]
    }

    static func conflict(tbl: String = "claim", row: String = "claim-a", field: String = "notes",
                         kind: String = "concurrent_edit", status: Int64 = 0,
                         loserVersion: String = "65536000/3/a-site") -> [String: FieldValue] {
        ["kind": .text(kind), "tbl": .text(tbl), "row_id": .text(row), "field": .text(field),
         "winner_value": .text("w"), "winner_version": .text(""), "loser_value": .text("l"),
         "loser_version": .text(loserVersion), "message": .text("m"), "status": .integer(status),
         "resolution": .null, "deleted": .integer(0)]
    }

    /// The owners the node holds: `claim-a`, `patient-a` of `a`; `claim-b`, `payer-b` of `b`;
    /// `payer-c` of the central office.
    static let owners: [PushScreen.RowKey: String] = [
        .init(table: "claim", id: "claim-a"): "a", .init(table: "patient", id: "patient-a"): "a",
        .init(table: "claim", id: "claim-b"): "b", .init(table: "payer", id: "payer-b"): "b",
        .init(table: "payer", id: "payer-c"): LocalStore.centralOwner,
    ]

    static func verdict(_ change: Change, rowOwner: String? = nil, lifecycle: Int64? = nil,
                        head: Int64 = 100) -> ErrorCode? {
        let keys = Set(PushScreen.lookups(for: change))
        let facts = PushScreen.Facts(rowOwner: rowOwner, referenceOwners: owners.filter { keys.contains($0.key) },
                                     claimLifecycle: lifecycle, logHead: head)
        return PushScreen.verdict(change, clinicID: "a", siteID: "a-site", facts: facts)?.reason
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let change: Change
        var rowOwner: String?
        var lifecycle: Int64?
        let expected: ErrorCode?
    }

    static let claimSubmitted: Int64 = 16 + 3  // round 1, stage submitted

    static let cases: [Case] = [
        Case(testDescription: "an honest line of its own claim", change: insert("service_line", line(claim: "claim-a")), expected: nil),
        Case(testDescription: "a line of another clinic's claim", change: insert("service_line", line(claim: "claim-b")), expected: .outOfScope),
        Case(testDescription: "a line of a claim the node lacks", change: insert("service_line", line(claim: "nowhere")),
             expected: .outOfScope),
        Case(testDescription: "a claim with no original claim", change: field("claim", "original_claim_id", .null),
             rowOwner: "a", expected: nil),
        Case(testDescription: "a line moved onto another clinic's claim", change: field("service_line", "claim_id", .text("claim-b")),
             rowOwner: "a", expected: .outOfScope),
        Case(testDescription: "a claim's payer of another clinic", change: field("claim", "payer_id", .text("payer-b")),
             rowOwner: "a", expected: .outOfScope),
        Case(testDescription: "a claim's central shared payer", change: field("claim", "payer_id", .text("payer-c")),
             rowOwner: "a", expected: nil),
        Case(testDescription: "a claim replacing another clinic's claim", change: field("claim", "original_claim_id", .text("claim-b")),
             rowOwner: "a", expected: .outOfScope),
        Case(testDescription: "a claim's patient of its own", change: field("claim", "patient_id", .text("patient-a")),
             rowOwner: "a", expected: nil),
        Case(testDescription: "a change stamped with another site", change: insert("service_line", line(claim: "claim-a"), site: "b-site"),
             expected: .wrongSite),
        Case(testDescription: "a row of another clinic", change: field("claim", "notes", .text("x")), rowOwner: "b", expected: .outOfScope),
        Case(testDescription: "a row owned by another clinic", change: insert("service_line", line(claim: "claim-a"), owner: "b"),
             expected: .outOfScope),
        Case(testDescription: "an honest conflict record", change: insert("conflict", conflict()), expected: nil),
        Case(testDescription: "a conflict naming another clinic's claim", change: insert("conflict", conflict(row: "claim-b")),
             expected: .outOfScope),
        Case(testDescription: "a conflict naming owner", change: insert("conflict", conflict(field: "owner")), expected: .invalidValue),
        Case(testDescription: "a conflict naming id", change: insert("conflict", conflict(field: "id")), expected: .invalidValue),
        Case(testDescription: "a conflict naming an unknown column", change: insert("conflict", conflict(field: "nope")),
             expected: .invalidValue),
        Case(testDescription: "a conflict naming an unknown table", change: insert("conflict", conflict(tbl: "code_release")),
             expected: .invalidValue),
        Case(testDescription: "a conflict of an unknown kind", change: insert("conflict", conflict(kind: "bogus")), expected: .invalidValue),
        Case(testDescription: "a conflict with status 7", change: insert("conflict", conflict(status: 7)), expected: .invalidValue),
        Case(testDescription: "a conflict with an unreadable version", change: insert("conflict", conflict(loserVersion: "x")),
             expected: .invalidValue),
        Case(testDescription: "a conflict record pointed at another row", change: field("conflict", "row_id", .text("claim-a")),
             rowOwner: "a", expected: .invalidValue),
        Case(testDescription: "a conflict closed", change: field("conflict", "status", .integer(1)), rowOwner: "a", expected: nil),
        Case(testDescription: "a lifecycle that is no lifecycle", change: field("claim", "lifecycle", .integer(3)), rowOwner: "a",
             expected: .invalidValue),
        Case(testDescription: "a frequency code 5", change: field("claim", "frequency", .text("5")), rowOwner: "a", expected: .invalidValue),
        Case(testDescription: "a deleted flag 2", change: field("claim", "deleted", .integer(2)), rowOwner: "a", expected: .invalidValue),
        Case(testDescription: "an id of 65 bytes", change: insert("service_line", line(claim: "claim-a"), row: String(repeating: "x", count: 65)),
             expected: .invalidValue),
        Case(testDescription: "an author of 201 bytes", change: insert("service_line", line(claim: "claim-a"),
                                                                         author: String(repeating: "x", count: 201)),
             expected: .invalidValue),
        Case(testDescription: "an observed cursor past the log", change: insert("service_line", line(claim: "claim-a"), observed: 101),
             expected: .invalidValue),
        Case(testDescription: "a re-assertion of a claim the node holds as a draft",
             change: field("service_line", "units", .integer(2), reasserted: claimSubmitted), rowOwner: "a", lifecycle: 16,
             expected: .invalidValue),
        Case(testDescription: "a re-assertion of a later round than the node's",
             change: field("service_line", "units", .integer(2), reasserted: 32 + 3), rowOwner: "a", lifecycle: claimSubmitted,
             expected: .invalidValue),
        Case(testDescription: "a re-assertion of a claim the node lacks",
             change: field("service_line", "units", .integer(2), reasserted: claimSubmitted), rowOwner: "a", expected: .invalidValue),
        Case(testDescription: "a re-assertion of the submission the node holds",
             change: field("service_line", "units", .integer(2), reasserted: claimSubmitted), rowOwner: "a",
             lifecycle: claimSubmitted, expected: nil),
        Case(testDescription: "a re-assertion of a note (not coding)",
             change: field("claim", "notes", .text("x"), reasserted: claimSubmitted), rowOwner: "a",
             lifecycle: claimSubmitted, expected: .invalidValue),
    ]

    @Test(arguments: cases)
    func eachRuleRefusesWithItsReason(_ testCase: Case) {
        #expect(Self.verdict(testCase.change, rowOwner: testCase.rowOwner, lifecycle: testCase.lifecycle) == testCase.expected)
    }

    @Test func lookupsNameOnlySyncedTablesAndTheConflictedRowOfItsTable() {
        #expect(PushScreen.lookups(for: Self.insert("conflict", Self.conflict(row: "claim-b")))
            == [.init(table: "claim", id: "claim-b")])
        #expect(PushScreen.lookups(for: Self.insert("conflict", Self.conflict(tbl: "x; DROP TABLE claim"))).isEmpty)
        #expect(PushScreen.lookups(for: Self.insert("service_line", Self.line(claim: "c1")))
            == [.init(table: "claim", id: "c1")])
    }

    @Test func aSiteIsBoundToTheClinicThatFirstPushesFromIt() {
        #expect(SiteBinding.bindingProblem(site: "s", boundTo: nil, clinicID: "a") == nil)
        #expect(SiteBinding.bindingProblem(site: "s", boundTo: "a", clinicID: "a") == nil)
        #expect(SiteBinding.bindingProblem(site: "s", boundTo: "b", clinicID: "a") != nil)
        #expect(SiteBinding.requestProblem(site: "central-1", centralSite: "central-1") != nil)
        #expect(SiteBinding.requestProblem(site: "", centralSite: "central-1") != nil)
        #expect(SiteBinding.requestProblem(site: String(repeating: "s", count: 129), centralSite: "c") != nil)
        #expect(SiteBinding.requestProblem(site: "a-0123", centralSite: "c") == nil)
        let mine = Self.insert("service_line", Self.line(claim: "c")), theirs = Self.insert("claim", [:], site: "b-site")
        let (own, refused) = SiteBinding.partition([mine, theirs], site: "a-site")
        #expect(own == [mine] && refused.map(\.reason) == [.wrongSite])
    }
}
