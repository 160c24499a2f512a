import CLITesting
import CentralPostgres
import ClinicStore
import Foundation
import SyncModel
import Testing

extension PostgresSuites {
    /// PostgreSQL's site-binding migration on a database made before it: every site already in
    /// the log is bound to its one clinic, so another clinic cannot take it over afterwards, and
    /// the clinic itself keeps syncing.
    @Suite(.needsPostgres) struct SiteOwnerVersion3Tests {
        /// `psql` of the test cluster's installation.
        static var psql: String? {
            let roots = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
            return roots.sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin/psql" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }

        static func run(_ sql: String, schema: String) throws {
            let psql = try #require(Self.psql, "psql of the PostgreSQL installation")
            let url = try #require(ProcessInfo.processInfo.environment["CLINICSYNC_POSTGRES_URL"])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: psql)
            process.arguments = [url, "-q", "-v", "ON_ERROR_STOP=1", "-c", "SET search_path TO \(schema); \(sql)"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "psql: \(sql)")
        }

        @Test func sitesInTheLogAreBoundWhenTheMigrationRuns() async throws {
            let configuration = try TestDatabase.configuration()
            let before = try await TestDatabase.backend(configuration)
            _ = try await before.enroll(clinicID: "alpha", name: nil, reinstate: false)
            _ = try await before.enroll(clinicID: "beta", name: nil, reinstate: false)
            let alpha = try Clinic.store("alpha", seed: 4)
            _ = try alpha.addPayer(payerID: "P1", name: "Plan")
            try await before.sync(alpha)
            await before.shutdown()
            // The database as it was before the migration: no site_owner (nor what later versions
            // add), the migration and those after it not applied.
            try Self.run("DROP TABLE site_owner, site_answer, office_setting, export_counter, office_synonym; DELETE FROM clinicsync_migration WHERE version >= 3;",
                         schema: configuration.schema)

            let after = try await TestDatabase.backend(configuration)
            let beta = try Clinic.store("beta", seed: 5)
            _ = try beta.addPayer(payerID: "P2", name: "Plan")
            var takeover = try #require(try beta.nextPush())
            takeover.siteID = alpha.identity.siteID
            for index in takeover.changes.indices { takeover.changes[index].version.site = alpha.identity.siteID }
            await #expect(throws: ErrorBody.self) { _ = try await after.acceptPush(takeover, from: "beta") }
            _ = try alpha.addPayer(payerID: "P3", name: "Plan 3")
            try await after.sync(alpha)
            #expect(try alpha.syncStatus().outbox == 0 && alpha.pushRefusals().isEmpty)
            await after.shutdown()
        }
    }
}
