import CLITesting
import Foundation
import Testing

/// A release the central office publishes reaches the clinic at its next sync; `status` says
/// so and points at `codes diff` and `codes impact`; `codes impact` on the central store lists
/// the clinic's open claims it touches. Through the built binary and a real `serve`.
@Suite(.timeLimit(.minutes(5))) struct ReleaseSyncCLITests {
    @Test func statusPointsAtANewReleaseAndTheCentralOfficeSeesItsImpact() throws {
        let cli = try CLIRunner()
        let central = cli.folder.appendingPathComponent("central.sqlite").path
        let cpt2025 = try CodeReleaseFiles.write(CodeReleaseFiles.cpt2025, "cpt2025.csv", in: cli.folder)
        let cpt2026 = try CodeReleaseFiles.write(CodeReleaseFiles.cpt2026, "cpt2026.csv", in: cli.folder)
        let tokenFile = cli.folder.appendingPathComponent("admin.token")
        try "admin-token-for-the-test-0123456789".write(to: tokenFile, atomically: true, encoding: .utf8)
        try #require(try cli.run(["init", "--central"], store: central).succeeded)
        try #require(try cli.run(["codes", "import", "--system", "cpt", "--release", "CPT-2025", cpt2025], store: central).succeeded)
        let server = try ServeProcess.start(store: central, adminTokenFile: tokenFile.path, folder: cli.folder)
        defer { server.stop() }
        let enrolled = try cli.run(["admin", "enroll", "--clinic", "clinic-a", "--server", server.url.absoluteString,
                                    "--admin-token", "admin-token-for-the-test-0123456789", "--json"], store: central)
        let token = try #require((try enrolled.json() as? [String: Any])?["token"] as? String)
        try #require(try cli.run(["init", "--clinic", "clinic-a"]).succeeded)
        try #require(try cli.run(["remote", "set", "--server", server.url.absoluteString, "--token", token]).succeeded)

        func newReleases() throws -> [[String: Any]] {
            let status = try #require(try cli.run(["status", "--json"]).json() as? [String: Any])
            return try #require(status["new_releases"] as? [[String: Any]])
        }
        func names(_ received: [[String: Any]]) -> [String?] {
            received.map { ($0["release"] as? [String: Any])?["name"] as? String }
        }
        try #require(try cli.run(["sync"]).succeeded)
        #expect(names(try newReleases()) == ["CPT-2025"])

        // A claim coded with a code the next release deletes, dated after its start.
        let patient = try #require(try cli.json(["patient", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-02-03",
                                                 "--sex", "F", "--member-id", "MX1"])["id"] as? String)
        _ = try cli.json(["provider", "add", "--npi", "1234567893", "--name", "Clinic A"])
        _ = try cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Plan"])
        let claim = try #require(try cli.json(["claim", "new", "--patient", patient, "--payer", "PAYER01",
                                               "--billing-npi", "1234567893", "--dx", "I10"])["id"] as? String)
        _ = try cli.json(["claim", "line", "add", claim, "--code", "99201", "--units", "1", "--charge", "60.00", "--date", "2026-01-05"])
        try #require(try cli.run(["sync"]).succeeded)
        #expect(try newReleases().isEmpty, "a sync that brought no release says nothing of releases")

        // The central office imports CPT 2026 while serve runs; the clinic's next sync brings it.
        try #require(try cli.run(["codes", "import", "--system", "cpt", "--release", "CPT-2026", cpt2026], store: central).succeeded)
        try #require(try cli.run(["sync"]).succeeded)
        let received = try newReleases()
        #expect(names(received) == ["CPT-2026"])
        #expect(received.first?["previous"] as? String == "CPT-2025")
        #expect(received.first?["hints"] as? [String] == ["clinicsync codes diff --system cpt --from CPT-2025 --to CPT-2026",
                                                          "clinicsync codes impact --release CPT-2026 --system cpt"])
        let human = try cli.run(["status"])
        #expect(human.stdout.contains("new code release: CPT-2026 (cpt, from 2026-01-01)")
                && human.stdout.contains("`clinicsync codes impact --release CPT-2026 --system cpt`"), "\(human)")
        let ranges = try #require(try cli.run(["codes", "releases", "--system", "cpt", "--json"]).json() as? [[String: Any]])
        #expect(ranges.map { $0["effective_to"] as? String } == [nil, "2025-12-31"], "the clinic's CPT-2025 ends too")

        // The same question at the clinic and at the central office, over the synced claim.
        for store in [cli.store, central] {
            let impact = try #require(try cli.run(["codes", "impact", "--release", "CPT-2026", "--json"], store: store).json()
                as? [String: Any])
            let claims = try #require(impact["claims"] as? [[String: Any]])
            #expect(claims.map { $0["id"] as? String } == [claim] && claims.first?["clinic"] as? String == "clinic-a",
                    "\(store): \(claims)")
        }
        #expect(try cli.run(["sync"]).succeeded)
        #expect(try newReleases().isEmpty)
    }
}
