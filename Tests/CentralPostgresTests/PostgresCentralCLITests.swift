import CLITesting
import BillingModel
import CentralPostgres
import ClinicStore
import Foundation
import SyncModel
import Testing

extension PostgresSuites {
    /// DESIGN §6 at a central office on PostgreSQL: `conflicts list|show|resolve` and
    /// `claim set` with `--postgres URL`, through the built binary, act on the central node's
    /// database, print what they print on a store file, and fail with one clear line.
    @Suite(.needsPostgres) struct PostgresCentralCLITests {
        /// The test database's URL on `configuration`'s schema, as an operator passes it.
        static func url(_ configuration: PostgresCentralConfiguration) throws -> String {
            var components = try #require(URLComponents(string: TestDatabase.environment["CLINICSYNC_POSTGRES_URL"] ?? ""))
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "schema", value: configuration.schema)]
            return try #require(components.string)
        }

        @Test func theCentralOfficeResolvesConflictsAndEditsClaimsOnPostgreSQL() async throws {
            let configuration = try TestDatabase.configuration()
            let url = try Self.url(configuration)
            let central = try await TestDatabase.backend(configuration)
            let clock = ManualClock(millis: SystemClock().nowMillis())
            let front = try Clinic.store("alpha", seed: 1, clock: clock), back = try Clinic.store("alpha", seed: 2, clock: clock)
            let claim = try CentralEndToEndTests.seed(front)
            try await central.sync(front)
            try await central.sync(back)
            let conflict = try await CentralConflictTests.conflicted(central, front: front, back: back, claim: claim, clock: clock)
            let prefix = String(conflict.id.prefix(8))

            let listed = try CLIProcess.run(["conflicts", "list", "--json", "--postgres", url])
            #expect(listed.status == 0, "\(listed.stderr)")
            let conflicts = try #require(try listed.json() as? [[String: Any]])
            #expect(conflicts.count == 1)
            #expect(conflicts.first?["id"] as? String == conflict.id && conflicts.first?["status"] as? String == "open")
            #expect(conflicts.first?["table"] as? String == "claim" && conflicts.first?["row"] as? String == claim.id)
            #expect(conflicts.first?["field"] as? String == "notes")
            #expect(conflicts.first?["winner"] as? String == conflict.winner.value.description)
            #expect(conflicts.first?["loser"] as? String == conflict.loser.value.description)
            let table = try CLIProcess.run(["conflicts", "list", "--postgres", url])
            #expect(table.status == 0 && table.stdout.contains(prefix) && table.stdout.contains("concurrent_edit"))

            let shown = try CLIProcess.run(["conflicts", "show", prefix, "--json", "--postgres", url])
            #expect((try shown.json() as? [String: Any])?["id"] as? String == conflict.id, "\(shown.stderr)")

            let resolved = try CLIProcess.run(["conflicts", "resolve", prefix, "--keep", "loser", "--json", "--postgres", url])
            #expect(resolved.status == 0, "\(resolved.stderr)")
            let record = try #require(try resolved.json() as? [String: Any])
            #expect(record["id"] as? String == conflict.id && record["status"] as? String == "resolved")
            #expect(try await central.conflicts().isEmpty)
            #expect(try await central.row("claim", id: claim.id)?["notes"] == .text("front-notes"))
            #expect(try await central.row("conflict", id: conflict.id)?["resolution"] == .text("keep_loser"))

            let again = try CLIProcess.run(["conflicts", "resolve", prefix, "--keep", "winner", "--postgres", url])
            #expect(again.refused("already resolved") && again.errorLines.count == 1, "\(again)")
            let unknown = try CLIProcess.run(["conflicts", "show", "fffffff0", "--postgres", url])
            #expect(unknown.exited(ExitCodes.failed) && unknown.errorLines == ["Error: conflict fffffff0 not found"], "\(unknown)")

            // claim set, by claim number, as the central office.
            let edited = try CLIProcess.run(["claim", "set", claim.claimNumber, "notes", "payer needs records", "--json",
                                             "--postgres", url])
            #expect(edited.status == 0, "\(edited.stderr)")
            let view = try #require(try edited.json() as? [String: Any])
            #expect(view["id"] as? String == claim.id && view["notes"] as? String == "payer needs records")
            #expect(try await central.row("claim", id: claim.id)?["notes"] == .text("payer needs records"))

            // A coding edit to a submitted claim: one clear line, nothing changed.
            try await central.write(table: "claim", row: claim.id, field: "lifecycle",
                                    value: .integer(Int64(ClaimLifecycle(stage: .submitted).rank)))
            let head = try await central.logHead()
            let frozen = try CLIProcess.run(["claim", "set", claim.id, "pos", "22", "--postgres", url])
            #expect(frozen.refused("coding is frozen") && frozen.errorLines.count == 1,
                    "\(frozen.stderr)")
            #expect(try await central.logHead() == head)
            #expect(try await central.row("claim", id: claim.id)?["pos"] == .text("11"))

            // The clinic gets the resolution and the edit.
            try await central.sync(front)
            #expect(try front.conflicts().isEmpty)
            #expect(try front.claim(claim.id).notes == "payer needs records")
            #expect(try front.claim(claim.id).lifecycle.stage == .submitted)
            await central.shutdown()
        }

        @Test func anUnreachableDatabaseIsOneLineWithoutThePassword() throws {
            let failed = try CLIProcess.run(["conflicts", "list", "--postgres",
                                             "postgres://clinicsync:s3cret-pw@127.0.0.1:1/postgres?sslmode=disable"])
            #expect(failed.refused("127.0.0.1:1", code: ExitCodes.unavailable) && failed.errorLines.count == 1, "\(failed)")
            #expect(failed.stderr.contains("127.0.0.1:1") && !failed.stderr.contains("s3cret-pw"), "\(failed.stderr)")
            let badURL = try CLIProcess.run(["claim", "set", "C1", "notes", "x", "--postgres", "mysql://u:s3cret-pw@h/db"])
            #expect(badURL.refused(code: ExitCodes.usage) && badURL.errorLines.count == 1 && !badURL.stderr.contains("s3cret-pw"),
                    "\(badURL)")
        }
    }
}
