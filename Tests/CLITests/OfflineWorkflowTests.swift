import CLITesting
import Foundation
import Testing

/// The offline commands of DESIGN §6, end to end through the built binary.
@Suite(.timeLimit(.minutes(5))) struct OfflineWorkflowTests {
    @Test func aCoderCreatesEditsAndFollowsAClaim() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init", "--clinic", "clinic-a", "--name", "Alpha"]).status == 0)
        #expect(try cli.run(["codes", "load-bundled"]).status == 0)

        let patient = try cli.json(["patient", "add", "--first", "Jane", "--last", "Doe", "--dob", "1980-01-01",
                                    "--sex", "F", "--member-id", "M123", "--address", "200 Oak Ave",
                                    "--city", "Springfield", "--state", "IL", "--zip", "62702"])
        let patientID = try #require(patient["id"] as? String)
        let provider = try cli.json(["provider", "add", "--npi", "1234567893", "--name", "Demo Family Practice",
                                     "--tax-id", "123456789"])
        #expect(provider["npi"] as? String == "1234567893")
        let payer = try cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Demo Health Plan"])
        #expect(payer["payer_id"] as? String == "PAYER01")

        let claim = try cli.json(["claim", "new", "--patient", patientID, "--payer", "PAYER01",
                                  "--billing-npi", "1234567893", "--dx", "E11.9", "--dx", "I10"])
        let claimID = try #require(claim["id"] as? String)
        #expect(claim["status"] as? String == "draft")
        let line = try cli.json(["claim", "line", "add", claimID, "--code", "99213", "--modifier", "25", "--units", "1",
                                 "--charge", "100.00", "--date", "2025-01-10", "--dx-pointer", "1", "--dx-pointer", "2"])
        #expect(line["line_number"] as? Int == 1)
        _ = try cli.json(["claim", "line", "add", claimID, "--code", "36415", "--units", "1", "--charge", "25",
                          "--date", "2025-01-10"])
        _ = try cli.json(["claim", "set", claimID, "notes", "recheck A1c in 3 months"])
        _ = try cli.json(["claim", "line", "set", claimID, "2", "--charge", "30.00"])

        let shown = try cli.json(["claim", "show", claimID])
        #expect(shown["status"] as? String == "coded")
        #expect(shown["pos"] as? String == "11")
        #expect(shown["frequency"] as? String == "1")
        #expect(shown["notes"] as? String == "recheck A1c in 3 months")
        #expect(shown["total_charge_cents"] as? Int == 13_000)
        #expect(shown["diagnoses"] as? [String] == ["E119", "I10"])
        let lines = try #require(shown["lines"] as? [[String: Any]])
        #expect(lines.map { $0["code"] as? String } == ["99213", "36415"])
        #expect(lines.first?["modifiers"] as? [String] == ["25"])

        let history = try #require(try cli.run(["claim", "history", claimID, "--json"]).json() as? [[String: Any]])
        #expect(history.contains { $0["field"] as? String == "notes" && $0["value"] as? String == "recheck A1c in 3 months" })
        #expect(history.contains { $0["field"] as? String == "charge_cents" && $0["line_number"] as? Int == 2 })

        let list = try #require(try cli.run(["claim", "list", "--json"]).json() as? [[String: Any]])
        #expect(list.count == 1 && list.first?["id"] as? String == claimID)
        let patients = try #require(try cli.run(["patient", "list", "--json"]).json() as? [[String: Any]])
        #expect(patients.count == 1)

        let human = try cli.run(["claim", "show", claimID])
        #expect(human.stdout.contains("E11.9") && human.stdout.contains("130.00"))

        let search = try #require(try cli.run(["codes", "search", "type 2 diabetes without complications", "--json"]).json() as? [[String: Any]])
        #expect(search.prefix(5).contains { $0["code"] as? String == "E119" })
    }

    @Test func badInputIsOneClearLineWithoutPHIAndChangesNothing() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).status == 0)
        let future = try cli.run(["patient", "add", "--first", "Zelda", "--last", "Secretname", "--dob", "2999-01-01",
                                  "--sex", "F", "--member-id", "MEMBER999"])
        #expect(future.refused("dob"), "\(future)")
        #expect(!future.stderr.contains("Secretname") && !future.stderr.contains("MEMBER999"))
        #expect(future.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1)
        let patients = try #require(try cli.run(["patient", "list", "--json"]).json() as? [Any])
        #expect(patients.isEmpty)

        // A field name that does not exist: one line naming the fields, no usage text.
        let unknownField = try cli.run(["claim", "set", "C123", "colour", "blue"])
        #expect(unknownField.refused("is not a claim field")
                && unknownField.stderr.contains("notes"), "\(unknownField.stderr)")
        #expect(unknownField.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1,
                "\(unknownField.stderr)")

        let missing = try cli.run(["claim", "list"], store: cli.folder.appendingPathComponent("nope.sqlite").path)
        #expect(missing.refused("clinicsync init", code: ExitCodes.store), "\(missing)")
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).refused("already"), "init refuses to overwrite a store")
    }
}
