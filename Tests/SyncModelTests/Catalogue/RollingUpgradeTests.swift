import Testing
@testable import SyncModel

/// DESIGN §4 "Upgrades roll": a node at version N serves clinics at N and N−1, sends them only
/// what their version knows and accepts their pushes; two or more apart, or a clinic newer than
/// the node, gets the error that says which side to upgrade.
@Suite struct RollingUpgradeTests {
    struct RuleCase: Sendable, CustomTestStringConvertible {
        let client: Int, node: Int
        let upgrade: SchemaVersionMismatch.Upgrade?
        var testDescription: String { "clinic \(client), node \(node)" }
    }

    static let ruleCases: [RuleCase] = [
        .init(client: 1, node: 1, upgrade: nil),
        .init(client: 0, node: 1, upgrade: .clinic),        // no header: version 0, which never shipped
        .init(client: 2, node: 1, upgrade: .centralNode),
        .init(client: 2, node: 2, upgrade: nil),
        .init(client: 1, node: 2, upgrade: nil),            // one behind: served
        .init(client: 0, node: 2, upgrade: .clinic),
        .init(client: 3, node: 2, upgrade: .centralNode),
        .init(client: 7, node: 7, upgrade: nil),
        .init(client: 6, node: 7, upgrade: nil),
        .init(client: 5, node: 7, upgrade: .clinic),        // two behind
        .init(client: 1, node: 7, upgrade: .clinic),
        .init(client: 8, node: 7, upgrade: .centralNode),
        .init(client: -3, node: 7, upgrade: .clinic),
    ]

    @Test(arguments: ruleCases) func theNodeServesItsVersionAndTheOneBefore(_ c: RuleCase) {
        let mismatch = SyncCatalogue.mismatch(client: c.client, node: c.node)
        #expect(mismatch?.upgrade == c.upgrade)
        if let mismatch {
            let advice = c.upgrade == .clinic ? "upgrade ClinicSync at the clinic" : "upgrade the central node"
            #expect(mismatch.description.hasSuffix(advice))
            #expect(mismatch.description.contains("schema version \(c.client) at the clinic, \(c.node) at the central node"))
            #expect(ErrorBody(mismatch).error == .schemaMismatch)
        }
    }

    @Test func theCurrentCatalogueServesItsOwnVersionOnly() throws {
        let catalogue = SyncCatalogue.current
        try catalogue.checkServes(client: catalogue.version)
        #expect(throws: ErrorBody.self) { try catalogue.checkServes(client: catalogue.version + 1) }
        #expect(throws: ErrorBody.self) { try catalogue.checkServes(client: catalogue.version - 2) }
        #expect(ErrorBody.schemaMismatch(client: 0).message.contains("upgrade ClinicSync at the clinic"))
    }

    // A test catalogue at version 2: `claim.referral` arrived in 2, and the `payment` table too.
    static let v2 = SyncCatalogue(version: 2, tables: [
        SyncedTable(name: "claim", columns: [
            .init("claim_number", .text), .init("notes", .text, default: .text("")),
            .init("referral", .text, nullable: true, since: 2),
        ], codingFields: .only(["diagnoses"])),
        SyncedTable(name: "payment", columns: [.init("claim_id", .text), .init("amount_cents", .integer)],
                    indexes: [SyncedIndex("payment_claim", on: ["claim_id"])], since: 2),
    ])

    static let version = Version(hlc: HLC(millis: 1_000), site: "central-site", seq: 1)

    static let insert = Change.insert(table: "claim", row: "c1", owner: "alpha",
                                      values: ["owner": .text("alpha"), "claim_number": .text("A-1"),
                                               "notes": .text(""), "referral": .text("R-9"), "deleted": .integer(0)],
                                      version: version, observed: 0)

    struct TrimCase: Sendable, CustomTestStringConvertible {
        let name: String
        let forVersion: Int
        let change: Change
        let kept: Bool
        let values: Set<String>?
        var testDescription: String { name }
    }

    static let trimCases: [TrimCase] = [
        .init(name: "a v1 clinic's row insert lacks the v2 column", forVersion: 1, change: insert, kept: true,
              values: ["owner", "claim_number", "notes", "deleted"]),
        .init(name: "a v2 clinic's row insert keeps it", forVersion: 2, change: insert, kept: true,
              values: ["owner", "claim_number", "notes", "referral", "deleted"]),
        .init(name: "a v1 clinic is not sent the v2 field", forVersion: 1,
              change: .field(table: "claim", row: "c1", owner: "alpha", field: "referral", value: .text("R-1"),
                             version: version, replaced: nil, observed: 0), kept: false, values: nil),
        .init(name: "a v1 clinic is sent a v1 field", forVersion: 1,
              change: .field(table: "claim", row: "c1", owner: "alpha", field: "notes", value: .text("n"),
                             version: version, replaced: nil, observed: 0), kept: true, values: nil),
        .init(name: "a v1 clinic is sent a tombstone", forVersion: 1,
              change: .field(table: "claim", row: "c1", owner: "alpha", field: "deleted", value: .integer(1),
                             version: version, replaced: nil, observed: 0), kept: true, values: nil),
        .init(name: "a v1 clinic is not sent a v2 table's rows", forVersion: 1,
              change: .insert(table: "payment", row: "p1", owner: "alpha", values: ["claim_id": .text("c1")],
                              version: version, observed: 0), kept: false, values: nil),
        .init(name: "a v2 clinic is", forVersion: 2,
              change: .insert(table: "payment", row: "p1", owner: "alpha", values: ["claim_id": .text("c1")],
                              version: version, observed: 0), kept: true, values: ["claim_id"]),
    ]

    @Test(arguments: trimCases) func aPullIsTrimmedToWhatTheClinicsVersionKnows(_ c: TrimCase) {
        let trimmed = Self.v2.trimmed(c.change, for: c.forVersion)
        #expect((trimmed != nil) == c.kept)
        if let values = c.values { #expect(trimmed.map { Set($0.rowValues.keys) } == values) }
        if let trimmed, !c.change.isRowInsert { #expect(trimmed == c.change) }
    }

    @Test func aPageKeepsItsCursorWhenChangesAreLeftOut() {
        let payment = Change.insert(table: "payment", row: "p1", owner: "alpha", values: ["claim_id": .text("c1")],
                                    version: Self.version, observed: 0)
        let page = PullResponse(changes: [Self.insert, payment], nextCursor: 42, hasMore: true,
                                serverClock: HLC(millis: 5_000))
        let trimmed = Self.v2.trimmed(page, for: 1)
        #expect(trimmed.changes.map(\.table) == ["claim"])
        #expect(trimmed.nextCursor == 42 && trimmed.hasMore && trimmed.serverClock == page.serverClock)
        #expect(Self.v2.trimmed(page, for: 2) == page)
    }

    @Test func aClinicOneBehindIsServedAndItsPushValidates() throws {
        try Self.v2.checkServes(client: 1)
        #expect(throws: ErrorBody.self) { try Self.v2.checkServes(client: 0) }
        // What a v1 clinic pushes (its row insert without the v2 column) is a valid v2 row.
        let v1Insert = try #require(Self.v2.trimmed(Self.insert, for: 1))
        let claim = try #require(Self.v2.tables["claim"])
        for (column, value) in v1Insert.rowValues {
            #expect(claim.problem(column: column, value: value) == nil, "\(column)")
        }
        #expect(claim.column("referral").map { $0.nullable || $0.defaultValue != nil } == true)
    }

    @Test func theCatalogueAsAnOlderVersionKnowsIt() {
        let v1 = Self.v2.known(at: 1)
        #expect(v1.version == 1)
        #expect(Set(v1.tables.keys) == ["claim"])
        #expect(v1.tables["claim"]?.columns["referral"] == nil)
        #expect(v1.tables["claim"]?.sortedColumns == ["claim_number", "deleted", "notes", "owner"])
        #expect(Self.v2.known(at: 2).tables.count == 2)
    }
}
