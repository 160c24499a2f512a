import CLITesting
import Foundation
import Testing

/// `conflicts list|show` name the claim a conflict is about, not its row id; `--json` keeps the ids.
@Suite struct ConflictNamesCLITests {
    @Test func aConflictIsShownByClaimNumber() throws {
        let world = try DoctorCLITests.World()
        defer { world.server.stop() }
        let cli = world.cli
        let patients = try #require(try cli.run(["patient", "list", "--json"]).json() as? [[String: Any]])
        let patient = try #require(patients.first?["id"] as? String)
        _ = try cli.json(["provider", "add", "--npi", "1234567893", "--name", "Alpha Family Practice"])
        _ = try cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Prairie Plan"])
        let claim = try cli.json(["claim", "new", "--patient", patient, "--payer", "PAYER01", "--billing-npi", "1234567893"])
        let claimID = try #require(claim["id"] as? String), number = try #require(claim["claim_number"] as? String)
        #expect(try cli.run(["sync"]).status == 0)

        // The central office and the clinic change the same note without seeing each other's edit.
        #expect(try cli.run(["claim", "set", claimID, "notes", "central: records requested"], store: world.central).status == 0)
        #expect(try cli.run(["claim", "set", claimID, "notes", "clinic: records sent"]).status == 0)
        let synced = try cli.run(["sync"])
        #expect(synced.status == 0, "\(synced)")

        let listed = try cli.run(["conflicts", "list"])
        #expect(listed.status == 0 && listed.stdout.contains("claim \(number)") && listed.stdout.contains("notes"), "\(listed.stdout)")
        #expect(!listed.stdout.contains(claimID) && !listed.stdout.contains(claimID.prefix(8)), "\(listed.stdout)")
        let conflicts = try #require(try cli.run(["conflicts", "list", "--json"]).json() as? [[String: Any]])
        #expect(conflicts.count == 1 && conflicts.first?["row"] as? String == claimID)
        let id = try #require(conflicts.first?["id"] as? String)
        let shown = try cli.run(["conflicts", "show", id])
        #expect(shown.stdout.contains("claim \(number), field notes"), "\(shown.stdout)")
    }
}
