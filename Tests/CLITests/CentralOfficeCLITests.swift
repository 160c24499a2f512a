import CLITesting
import Foundation
import Testing

/// DESIGN §6: a central office and a clinic through the built binary and a real `serve`
/// process; the central office edits its store with the CLI while `serve` runs on it.
@Suite(.timeLimit(.minutes(5))) struct CentralOfficeCLITests {
    @Test func theCentralOfficeEditsWhileServingAndTheClinicSeesIt() throws {
        let cli = try CLIRunner()
        let central = cli.folder.appendingPathComponent("central.sqlite").path
        let tokenFile = cli.folder.appendingPathComponent("admin.token")
        try "admin-token-for-the-test-0123456789".write(to: tokenFile, atomically: true, encoding: .utf8)
        #expect(try cli.run(["init", "--central"], store: central).status == 0)
        let server = try ServeProcess.start(store: central, adminTokenFile: tokenFile.path, folder: cli.folder)
        defer { server.stop() }

        let enrolled = try cli.run(["admin", "enroll", "--clinic", "clinic-a", "--server", server.url.absoluteString,
                                    "--admin-token", "admin-token-for-the-test-0123456789", "--json"], store: central)
        let token = try #require((try enrolled.json() as? [String: Any])?["token"] as? String)
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).status == 0)
        #expect(try cli.run(["remote", "set", "--server", server.url.absoluteString, "--token", token]).status == 0)

        let patient = try cli.json(["patient", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-02-03",
                                    "--sex", "F", "--member-id", "MX1"])
        _ = try cli.json(["provider", "add", "--npi", "1234567893", "--name", "Clinic A"])
        _ = try cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Plan"])
        let claim = try cli.json(["claim", "new", "--patient", try #require(patient["id"] as? String), "--payer", "PAYER01",
                                  "--billing-npi", "1234567893", "--dx", "I10"])
        let claimID = try #require(claim["id"] as? String)
        // A batch size out of range is refused before anything is sent; the outbox stays whole.
        let outbox = try #require((try cli.run(["status", "--json"]).json() as? [String: Any])?["status"] as? [String: Any])
        let badBatch = try cli.run(["sync", "--batch", "0"])
        #expect(badBatch.exited(ExitCodes.usage) && badBatch.stderr.contains("--batch must be from 1 to 10000"), "\(badBatch)")
        let unchanged = try #require((try cli.run(["status", "--json"]).json() as? [String: Any])?["status"] as? [String: Any])
        #expect(unchanged["outbox"] as? Int == outbox["outbox"] as? Int && (outbox["outbox"] as? Int ?? 0) > 3)
        // Pushed two changes at a time, everything arrives.
        let synced = try cli.run(["sync", "--json", "--batch", "2"])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect((try synced.json() as? [String: Any])?["pushed"] as? Int == outbox["outbox"] as? Int)

        // The central office, on its own store while serve runs on it.
        let edited = try cli.run(["claim", "set", claimID, "notes", "payer needs records", "--json"], store: central)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try cli.run(["sync"]).status == 0)
        let atClinic = try cli.json(["claim", "show", claimID])
        #expect(atClinic["notes"] as? String == "payer needs records")

        let status = try #require(try cli.run(["status", "--json"]).json() as? [String: Any])
        let sync = try #require(status["status"] as? [String: Any])
        #expect(sync["outbox"] as? Int == 0 && sync["open_conflicts"] as? Int == 0)

        // A revoked clinic is refused with one clear line, and its work stays local.
        let revoked = try cli.run(["admin", "revoke", "--clinic", "clinic-a"], store: central)
        #expect(revoked.status == 0)
        _ = try cli.json(["claim", "set", claimID, "notes", "offline note"])
        let refused = try cli.run(["sync"])
        #expect(refused.refused("401") && !refused.stderr.contains(token), "\(refused)")
        #expect(try cli.json(["claim", "show", claimID])["notes"] as? String == "offline note")
    }
}
