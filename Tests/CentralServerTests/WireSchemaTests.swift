import BillingModel
import CentralServer
import ClinicStore
import Foundation
import SyncModel
import Testing

/// The JSON Schemas in `Schemas/wire/` list exactly the keys the Swift wire types encode.
@Suite struct WireSchemaTests {
    static let version = Version(hlc: HLC(millis: TestNode.epochMillis), site: "alpha-1a2b", seq: 7)

    static let fieldChange = Change(table: "claim", row: "0190-row", owner: "alpha", field: "notes", value: .text("call payer"),
                                    version: version, replaced: Version(hlc: HLC(millis: 1), site: "central-9", seq: 3),
                                    observed: 40, serverSeq: 41, author: "kim", reassertedLifecycle: 3)
    static let rowInsert = Change.insert(table: "payer", row: "0190-payer", owner: "alpha",
                                         values: ["payer_id": .text("P1"), "name": .text("Plan"), "deleted": .integer(0),
                                                  "rate": .real(1.5), "note": .null],
                                         version: version, observed: 0)

    /// Encodes a value the way the node does and parses it back as plain JSON.
    static func json(_ value: some Encodable) throws -> Any {
        try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value), options: [.fragmentsAllowed])
    }

    /// A central store with a published release of every kind of file.
    static func publishedReleaseFiles() throws -> (releases: [CodeRelease], files: [ReleaseFile]) {
        let node = try TestNode(clinics: [])
        var releases = try node.central.loadBundledCodebooks(only: [.pos])
        let ncci = "Column 1\tColumn 2\t*\tEffective Date\tDeletion Date\tModifier\tRationale\n"
            + "99213\t36415\t\t20210101\t20251231\t0\tMisuse of column two code with column one code\n"
        releases.append(try node.central.importRelease(
            ReleaseImport(system: .ncciPTP, name: "NCCI-2025Q1", effectiveFrom: CalendarDate("2025-01-01")!,
                          effectiveTo: CalendarDate("2025-03-31")!, sourceName: "ncci.txt"), bytes: Array(ncci.utf8)))
        let mue = "36415,2,1 Line Edit,Nature of Service/Procedure\n"
        releases.append(try node.central.importRelease(
            ReleaseImport(system: .mue, name: "MUE-2025Q1", effectiveFrom: CalendarDate("2025-01-01")!, sourceName: "mue.csv"),
            bytes: Array(mue.utf8)))
        return (releases, try releases.map { try node.central.releaseFile(id: $0.id) })
    }

    @Test func theWireTypesEncodeExactlyTheKeysTheirSchemasList() throws {
        let checker = SchemaKeyChecker()
        let refused = RefusedChange(seq: 9, reason: .outOfScope, message: "row belongs to beta")
        let samples: [(Any, String)] = [
            (try Self.json(Self.version), "Version.schema.json"),
            (try Self.json(PushRequest(schemaVersion: 1, clinicID: "alpha", siteID: "alpha-1a2b",
                                       changes: [Self.fieldChange, Self.rowInsert])), "PushRequest.schema.json"),
            (try Self.json(PushRequest(schemaVersion: 1, clinicID: "alpha", siteID: "alpha-1a2b",
                                       changes: [Self.fieldChange], baseSeq: 6, baseDigest: "9f2c00aa11bb22cc")),
             "PushRequest.schema.json"),
            (try Self.json(PushResponse(applied: [7, 8], refused: [refused], highestAppliedSeq: 9, serverSeqs: [41, 42],
                                        conflictsCreated: 1)), "PushResponse.schema.json"),
            (try Self.json(PullResponse(changes: [Self.fieldChange, Self.rowInsert], nextCursor: 42, hasMore: false,
                                        serverClock: HLC(millis: TestNode.epochMillis))), "PullResponse.schema.json"),
            (try Self.json(ErrorBody(error: .schemaMismatch, message: "upgrade", detail: "1 vs 2")), "ErrorBody.schema.json"),
            (try Self.json(EnrollRequest(clinicID: "alpha", name: "Alpha Clinic")), "EnrollRequest.schema.json"),
            (try Self.json(EnrollRequest(clinicID: "alpha", reinstate: true)), "EnrollRequest.schema.json"),
            (try Self.json(Self.clinicHealth(recent: 5)), "ClinicHealth.schema.json"),
            (try Self.json(Self.clinicHealth(recent: nil)), "ClinicHealth.schema.json"),
            (try Self.json(ClinicHealth(facts: .init(clinicID: "new", name: nil, enrolledAtMillis: 1, revokedAtMillis: nil))),
             "ClinicHealth.schema.json"),
            (try Self.json(EnrolledClinic(clinicID: "alpha", token: "alpha.secret")), "EnrolledClinic.schema.json"),
            (try Self.json(RevokedClinic(clinicID: "alpha")), "RevokedClinic.schema.json"),
            (try Self.json(ClinicSummary(clinicID: "alpha", name: "Alpha", enrolledAt: 1, revokedAt: 2)), "ClinicSummary.schema.json"),
            (try Self.json(ClinicSummary(clinicID: "beta", name: nil, enrolledAt: 1, revokedAt: nil)), "ClinicSummary.schema.json"),
            (try Self.json(HealthStatus(status: "ok", schemaVersion: 1)), "HealthStatus.schema.json"),
            (try Self.json(OfficeSynonym(term: "sugar", alternatives: ["type 2 diabetes mellitus", "hyperglycemia"], addedAt: 5)),
             "OfficeSynonym.schema.json"),
            (try Self.json(SiteStanding(site: "alpha-1a2b", highestAppliedSeq: 7, digest: "9f2c00aa11bb22cc", logHead: 40,
                                        centralSite: "central-9", mark: "51ab00aa11bb22cc")), "SiteStanding.schema.json"),
            (try Self.json(SiteStanding(site: "alpha-1a2b", highestAppliedSeq: 0, digest: nil, logHead: 0,
                                        centralSite: "central-9")), "SiteStanding.schema.json"),
        ]
        let published = try Self.publishedReleaseFiles()
        var all = samples
        all += try published.releases.map { (try Self.json($0), "CodeRelease.schema.json") }
        all += try published.files.map { (try Self.json($0), "ReleaseFile.schema.json") }
        for (json, file) in all { try checker.check(json, against: file) }
        #expect(checker.problems.isEmpty, "\(checker.problems.joined(separator: "\n"))")
        #expect(checker.unseen.isEmpty, "\(checker.unseen.joined(separator: "\n"))")
    }

    /// A clinic that synced from two sites (one failure, one refusal), revoked, with claims and conflicts.
    static func clinicHealth(recent: Int?) -> ClinicHealth {
        ClinicHealth(facts: .init(
            clinicID: "alpha", name: "Alpha", enrolledAtMillis: 1, revokedAtMillis: 9,
            activities: [SyncActivity(site: "front", kind: .push, atMillis: 5, durationMillis: 3, changes: 10, refused: 1),
                         SyncActivity(site: "front", kind: .pull, atMillis: 6, durationMillis: 2, changes: 4),
                         SyncActivity(site: "back", kind: .push, atMillis: 7, durationMillis: 1, changes: 0, result: "clock_skew")],
            refusedByReason: ["read_only_table": 1], openConflicts: 2, claimsByStatus: ["draft": 3]), recentLimit: recent)
    }

    /// The change schema lists the catalogue's tables: a table added to the catalogue shows up there.
    @Test func theChangeSchemaListsTheCataloguesTables() throws {
        let schema = try SchemaFiles.wireSchema("Change.schema.json")
        let table = (schema["properties"] as? [String: Any])?["table"] as? [String: Any]
        let listed = try #require(table?["examples"] as? [String])
        #expect(listed == SyncedTable.all.keys.sorted(), "Change.schema.json's table examples differ from the catalogue")
    }

    @Test func everySchemaFileIsUsedByTheOpenAPIDocumentOrAnotherSchema() throws {
        let openAPI = try String(contentsOf: SchemaFiles.folder.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        let names = try SchemaFiles.wireSchemaNames()
        var schemaTexts: [String: String] = [:]
        for name in names {
            schemaTexts[name] = String(decoding: try JSONSerialization.data(withJSONObject: try SchemaFiles.wireSchema(name)),
                                       as: UTF8.self)
        }
        for name in names {
            // Only the other documents count: a schema's own `$id` names it too.
            let others = [openAPI] + schemaTexts.filter { $0.key != name }.map(\.value)
            #expect(others.contains { $0.contains("\(name)\"") }, "\(name) is referenced nowhere")
        }
    }
}
