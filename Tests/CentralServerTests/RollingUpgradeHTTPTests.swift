import CentralServer
import ClinicStore
import Foundation
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

/// DESIGN §4 "Upgrades roll", through the HTTP API: a node one schema version ahead of its
/// clinics (a test catalogue in which `payer.filing_indicator` arrived in the next version)
/// accepts their pushes and sends them only the fields their version knows; a clinic two
/// versions behind, or newer than the node, gets the error that says which side to upgrade.
@Suite struct RollingUpgradeHTTPTests {
    static let clinicVersion = StoreMigrations.schemaVersion
    static let nodeVersion = clinicVersion + 1

    /// This build's catalogue at the next version, where `payer.filing_indicator` is new.
    static let aheadCatalogue: SyncCatalogue = {
        let tables = SyncCatalogue.current.tables.values.map { table -> SyncedTable in
            guard table.name == "payer" else { return table }
            let declared = table.catalogueColumns.dropFirst().dropLast().map { column in
                column.name == "filing_indicator"
                    ? SyncedColumn(column.name, column.type, nullable: column.nullable, default: column.defaultValue,
                                   since: nodeVersion)
                    : column
            }
            return SyncedTable(name: table.name, columns: Array(declared), writers: table.writers,
                               codingFields: table.codingFields, mergePolicy: table.mergePolicy, indexes: table.indexes,
                               since: table.since)
        }
        return SyncCatalogue(version: nodeVersion, tables: tables)
    }()

    static func aheadNode() throws -> TestNode {
        var configuration = CentralServerConfiguration(port: 0, adminToken: TestNode.adminToken)
        configuration.catalogue = aheadCatalogue
        return try TestNode(configuration: configuration)
    }

    @Test func aClinicOneVersionBehindPushesAndPullsWithoutTheNewField() async throws {
        let node = try Self.aheadNode()
        let writer = try TestNode.clinic("alpha", seed: 1), reader = try TestNode.clinic("alpha", seed: 2)
        let payer = try writer.addPayer(payerID: "P1", name: "Plan", filingIndicator: "MC")
        try writer.write { db in try db.execute(sql: "UPDATE payer SET name = 'Plan B', filing_indicator = 'BL'") }
        try await node.application().test(.router) { client in
            try await client.sync(writer, token: node.tokens["alpha"]!)
            let response = try await client.pull(since: 0, site: reader.identity.siteID, token: node.tokens["alpha"])
            #expect(response.status == .ok)
            let page = try HTTP.decode(PullResponse.self, from: response)
            #expect(page.changes.contains { $0.field == "name" })
            #expect(!page.changes.contains { $0.field == "filing_indicator" }, "the filing indicator's change is left out")
            let insert = try #require(page.changes.first { $0.isRowInsert })
            let known = Set(try #require(SyncedTable.all["payer"]).columns.keys).subtracting(["filing_indicator"])
            #expect(Set(insert.rowValues.keys) == known)
            try await client.sync(reader, token: node.tokens["alpha"]!)
        }
        // The node took the whole push; the clinic behind got the row without the field it does not know.
        #expect(try node.central.payers().map(\.filingIndicator) == ["BL"])
        #expect(try reader.payers().map { [$0.id, $0.name, $0.filingIndicator] } == [[payer.id, "Plan B", "CI"]])
    }

    @Test(arguments: [(clinicVersion - 1, "upgrade ClinicSync at the clinic"), (nodeVersion + 1, "upgrade the central node")])
    func anotherVersionIsRefusedWithAdvice(version: Int, advice: String) async throws {
        let node = try Self.aheadNode()
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "P1", name: "Plan")
        let request = try #require(try clinic.nextPush())
        try await node.application().test(.router) { client in
            let response = try await client.push(request, token: node.tokens["alpha"], schema: version)
            #expect(response.status == .conflict)
            let error = try HTTP.error(of: response)
            #expect(error.error == .schemaMismatch)
            #expect(error.message.hasSuffix(advice), "\(error.message)")
            #expect(error.message.contains("\(Self.nodeVersion) at the central node"))
        }
        #expect(try node.central.payers().isEmpty)
    }
}
