import CLITesting
import Foundation
import Testing

/// `claim check|submit|void|replace` and `export x12|settings` through the built binary.
@Suite(.timeLimit(.minutes(5))) struct ClaimSubmissionCLITests {
    static let billingNPI = "1234567893"
    static let renderingNPI = "1987654328"

    /// A store with the bundled code sets, a subscriber and her child, two providers and a payer.
    struct Office {
        let cli: CLIRunner
        let subscriber: String
        let child: String

        init() throws {
            cli = try CLIRunner()
            try Self.expectSuccess(cli.run(["init", "--clinic", "clinic-a", "--name", "Springfield"]))
            try Self.expectSuccess(cli.run(["codes", "load-bundled"]))
            subscriber = try #require(try cli.json([
                "patient", "add", "--first", "Maria", "--last", "Secretname", "--dob", "1984-07-02", "--sex", "F",
                "--member-id", "XGM100200", "--address", "12 Elm Street", "--city", "Springfield", "--state", "IL",
                "--zip", "62704"])["id"] as? String)
            child = try #require(try cli.json([
                "patient", "add", "--first", "Lucas", "--last", "Secretname", "--dob", "2016-03-15", "--sex", "M",
                "--member-id", "XGM100200", "--address", "12 Elm Street", "--city", "Springfield", "--state", "IL",
                "--zip", "62704", "--subscriber", subscriber, "--relationship", "19"])["id"] as? String)
            _ = try cli.json(["provider", "add", "--npi", ClaimSubmissionCLITests.billingNPI,
                              "--name", "Springfield Family Practice", "--tax-id", "37-1234567", "--taxonomy", "207Q00000X",
                              "--address", "100 Main Street", "--city", "Springfield", "--state", "IL", "--zip", "62701-1234"])
            _ = try cli.json(["provider", "add", "--npi", ClaimSubmissionCLITests.renderingNPI, "--name", "Nguyen, Anna"])
            _ = try cli.json(["payer", "add", "--payer-id", "60054", "--name", "Prairie Health Plan"])
        }

        static func expectSuccess(_ result: CLIRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(result.status == 0, "\(result.stderr)\(result.stdout)", sourceLocation: sourceLocation)
        }

        /// `claim new` then `claim line add` for each line; returns the claim's id and number.
        func claim(patient: String? = nil, dx: [String] = ["E11.9", "I10"], billingNPI: String = billingNPI,
                   rendering: String? = nil, lines: [[String]]) throws -> (id: String, number: String) {
            var arguments = ["claim", "new", "--patient", patient ?? subscriber, "--payer", "60054", "--billing-npi", billingNPI]
            arguments += dx.flatMap { ["--dx", $0] }
            if let rendering { arguments += ["--rendering-npi", rendering] }
            let claim = try cli.json(arguments)
            let id = try #require(claim["id"] as? String)
            for line in lines { _ = try cli.json(["claim", "line", "add", id] + line) }
            return (id, try #require(claim["claim_number"] as? String))
        }

        func status(_ claim: String) throws -> String? { try cli.json(["claim", "show", claim])["status"] as? String }

        /// The rule ids and line numbers `claim check --json` reports.
        func findings(_ claim: String) throws -> (status: Int32, findings: [(rule: String, line: Int?)]) {
            let result = try cli.run(["claim", "check", claim, "--json"])
            let object = try #require(try result.json() as? [String: Any], "\(result.stderr)")
            let findings = try #require(object["findings"] as? [[String: Any]])
            return (result.status, findings.map { ($0["rule_id"] as? String ?? "?", $0["line_number"] as? Int) })
        }
    }

    static func line(_ code: String, _ extra: [String] = [], units: Int = 1, charge: String = "100.00",
                     date: String = "2025-01-10") -> [String] {
        ["--code", code, "--units", String(units), "--charge", charge, "--date", date] + extra
    }

    @Test func checkFindsEachMistakeAndSubmitRefusesItWithoutChangingAnything() throws {
        let office = try Office()
        let mistakes: [(label: String, claim: (id: String, number: String), rule: String, line: Int?)] = [
            ("wrong NPI check digit", try office.claim(billingNPI: "1234567890", lines: [Self.line("99213")]),
             "NPI_INVALID", nil),
            ("pointer to no diagnosis", try office.claim(lines: [Self.line("99213", ["--dx-pointer", "3"])]),
             "PTR_UNKNOWN_DX", 1),
            ("header diagnosis", try office.claim(dx: ["E11", "I10"], lines: [Self.line("99213")]), "DX_NOT_BILLABLE", nil),
            ("unknown procedure", try office.claim(lines: [Self.line("99999")]), "PROC_UNKNOWN", 1),
        ]
        for mistake in mistakes {
            let check = try office.findings(mistake.claim.id)
            #expect(check.status == ExitCodes.failed, "\(mistake.label)")
            #expect(check.findings.contains { $0.rule == mistake.rule && $0.line == mistake.line }, "\(mistake.label): \(check.findings)")

            let before = try office.cli.run(["claim", "history", mistake.claim.id, "--json"]).stdout
            let submit = try office.cli.run(["claim", "submit", mistake.claim.number])
            #expect(submit.refused(mistake.claim.number), "\(mistake.label): \(submit)")
            let stderr = submit.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
            #expect(stderr.contains(mistake.claim.number) && stderr.contains(mistake.rule), "\(stderr)")
            #expect(!stderr.contains("Secretname") && !stderr.contains("XGM100200"))
            #expect(submit.stdout.contains(mistake.rule), "the findings are shown")
            #expect(try office.status(mistake.claim.id) == "coded")
            #expect(try office.cli.run(["claim", "history", mistake.claim.id, "--json"]).stdout == before)
        }

        let clean = try office.claim(lines: [Self.line("99213", ["--modifier", "25", "--dx-pointer", "1", "--dx-pointer", "2"]),
                                             Self.line("36415", charge: "25.00")])
        let human = try office.cli.run(["claim", "check", clean.number])
        #expect(human.status == 0 && human.stdout.contains("0 errors"), "\(human.stdout)")
        #expect(try office.status(clean.id) == "validated")
        let submitted = try office.cli.json(["claim", "submit", clean.id])
        #expect(submitted["id"] as? String == clean.id && submitted["status"] as? String == "submitted")
        let twice = try office.cli.run(["claim", "submit", clean.id])
        #expect(twice.refused(clean.number), "a claim is submitted once: \(twice)")

        let all = try office.cli.run(["claim", "check", "--all", "--json"])
        #expect(all.exited(ExitCodes.failed), "\(all)")
        let checks = try #require(try all.json() as? [[String: Any]])
        #expect(Set(checks.compactMap { $0["id"] as? String }) == Set(mistakes.map(\.claim.id)))
        #expect(checks.allSatisfy { ($0["errors"] as? Int ?? 0) > 0 })
        let summary = try office.cli.run(["claim", "check", "--all"])
        #expect(summary.exited(ExitCodes.failed) && summary.stdout.contains("4 claims checked: 4 with errors"), "\(summary.stdout)")
        let neither = try office.cli.run(["claim", "check"])
        #expect(neither.exited(ExitCodes.usage) && neither.stderr.contains("--all"), "a claim or --all is required: \(neither)")
    }

    @Test func ncciAndMueFindingsComeFromImportedReleases() throws {
        let office = try Office()
        let ncci = office.cli.folder.appendingPathComponent("ncci.txt")
        try Data(([
            "CPT codes, descriptions and other data only are copyright 2024 American Medical Association.",
            "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale",
            "\t\tprior to 1996\tDate\tDate\t0=not allowed\t",
            "99213\t36415\t\t20200101\t*\t0\tMisuse of column two code with column one code",
            "20610\t96372\t\t20190101\t*\t1\tStandards of medical / surgical services",
            "17110\t11102\t\t20190101\t*\t9\tMutually exclusive procedures",
        ].joined(separator: "\r\n") + "\r\n").utf8).write(to: ncci)
        let mue = office.cli.folder.appendingPathComponent("mue.csv")
        try Data(([
            "\"CPT codes, descriptions and other data only are copyright 2024 American Medical Association.\"",
            "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale",
            "36415,2,1 Line Edit,Nature of Service/Procedure",
            "97110,4,3 Date of Service Edit: Clinical,Clinical: Data",
        ].joined(separator: "\n") + "\n").utf8).write(to: mue)
        Office.expectSuccess(try office.cli.run(["codes", "import", "--system", "ncci-ptp", "--release", "NCCI-2025Q1",
                                                 "--effective", "2025-01-01", ncci.path]))
        Office.expectSuccess(try office.cli.run(["codes", "import", "--system", "mue", "--release", "MUE-2025Q1",
                                                 "--effective", "2025-01-01", mue.path]))

        let cases: [(label: String, lines: [[String]], rule: String, flagged: [Int])] = [
            ("NCCI 0", [Self.line("99213"), Self.line("36415")], "NCCI_PTP", [2]),
            ("NCCI 1 without modifier", [Self.line("20610"), Self.line("96372")], "NCCI_PTP", [2]),
            ("NCCI 1 with XS on column 2", [Self.line("20610"), Self.line("96372", ["--modifier", "XS"])], "NCCI_PTP", []),
            ("NCCI 9", [Self.line("17110"), Self.line("11102")], "NCCI_PTP", []),
            ("NCCI before the release", [Self.line("99213", date: "2024-12-31"), Self.line("36415", date: "2024-12-31")],
             "NCCI_PTP", []),
            ("MUE per line", [Self.line("36415", units: 3)], "MUE", [1]),
            ("MUE per line, split", [Self.line("36415", units: 2), Self.line("36415", units: 2)], "MUE", []),
            ("MUE per date of service", [Self.line("97110", units: 3), Self.line("97110", units: 2)], "MUE", [1]),
            ("MUE per date of service, two dates",
             [Self.line("97110", units: 3), Self.line("97110", units: 3, date: "2025-01-11")], "MUE", []),
        ]
        for testCase in cases {
            let claim = try office.claim(lines: testCase.lines)
            let check = try office.findings(claim.id)
            #expect(check.findings.filter { $0.rule == testCase.rule }.compactMap(\.line) == testCase.flagged,
                    "\(testCase.label): \(check.findings)")
            #expect(check.status == (testCase.flagged.isEmpty ? 0 : 1), "\(testCase.label)")
            let submit = try office.cli.run(["claim", "submit", claim.id])
            #expect((submit.status == 0) == testCase.flagged.isEmpty, "\(testCase.label): \(submit.stderr)")
        }
    }

    @Test func exportWritesFilesPyx12AcceptsWithIncreasingControlNumbers() throws {
        let office = try Office()
        let cli = office.cli
        let simple = try office.claim(rendering: Self.renderingNPI, lines: [Self.line("99213", ["--dx-pointer", "1", "--dx-pointer", "2"])])
        let dependent = try office.claim(patient: office.child, dx: ["J02.9"], lines: [Self.line("87880", charge: "30.00")])
        let twelve = ["E11.65", "I10", "E78.5", "N18.31", "E66.01", "Z68.35", "G47.33", "K21.9", "M17.11", "F41.1",
                      "Z79.4", "Z79.84"]
        let manyDiagnoses = try office.claim(dx: twelve, lines: [
            Self.line("99215", ["--dx-pointer", "1", "--dx-pointer", "2", "--dx-pointer", "3", "--dx-pointer", "4"]),
            Self.line("83036", ["--dx-pointer", "11", "--dx-pointer", "12"]),
        ])
        let fiftyLines = try office.claim(dx: ["M17.11"], lines: (0..<50).map {
            Self.line("97110", charge: "45.00",
                      date: $0 < 31 ? String(format: "2025-01-%02d", $0 + 1) : String(format: "2025-02-%02d", $0 - 30))
        })
        let fourModifiers = try office.claim(dx: ["M17.11"], lines: [
            Self.line("20610", ["--modifier", "RT", "--modifier", "XS", "--modifier", "22", "--modifier", "76"])])
        let toReplace = try office.claim(lines: [Self.line("99212")])
        let toVoid = try office.claim(lines: [Self.line("99214")])
        for claim in [toReplace, toVoid] {
            Office.expectSuccess(try cli.run(["claim", "submit", claim.id]))
        }
        Office.expectSuccess(try cli.run(["claim", "set", toReplace.id, "payer_claim_number", "PCN0001"]))
        let replacement = try cli.json(["claim", "replace", toReplace.number])
        #expect(replacement["frequency"] as? String == "7" && replacement["claim_number"] as? String == toReplace.number)
        #expect(replacement["payer_claim_number"] as? String == "PCN0001")
        let replacementID = try #require(replacement["id"] as? String)
        _ = try cli.json(["claim", "line", "set", replacementID, "1", "--charge", "80.00"])
        let void = try cli.json(["claim", "void", toVoid.id, "--payer-claim-number", "PCN0002"])
        #expect(void["frequency"] as? String == "8")
        #expect(try office.status(toReplace.id) == "replaced" && office.status(toVoid.id) == "voided")

        let first = cli.folder.appendingPathComponent("batch1.x12").path
        let ids = [simple.id, dependent.id, manyDiagnoses.number, fiftyLines.id, fourModifiers.id, replacementID,
                   try #require(void["id"] as? String)]
        let noPhone = try cli.run(["export", "x12"] + ids + ["-o", first])
        #expect(noPhone.refused("--submitter-phone"), "\(noPhone)")
        Office.expectSuccess(try cli.run(["export", "settings", "--submitter-phone", "217-555-0100", "--usage", "test",
                                          "--receiver-id", "PRAIRIECH", "--receiver-name", "Prairie Clearinghouse"]))

        let one = try cli.json(["export", "x12"] + ids + ["-o", first])
        #expect(one["interchange_control_number"] as? Int == 1)
        #expect((one["claim_ids"] as? [String])?.count == 7)
        try X12Validator.expectAccepted(file: first)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("PAT*19~") && text.contains("REF*F8*PCN0001~") && text.contains("REF*F8*PCN0002~"))
        #expect(text.contains("SV1*HC:20610:RT:XS:22:76*"))
        #expect(text.components(separatedBy: "\nLX*").count - 1 == 1 + 1 + 2 + 50 + 1 + 1 + 1)

        let second = cli.folder.appendingPathComponent("batch2.x12").path
        let two = try cli.json(["export", "x12", simple.number, "-o", second])
        #expect(two["interchange_control_number"] as? Int == 2 && two["group_control_number"] as? Int == 2)
        try X12Validator.expectAccepted(file: second)

        let broken = try office.claim(dx: ["E11"], lines: [Self.line("99213")])
        let third = cli.folder.appendingPathComponent("batch3.x12").path
        let refused = try cli.run(["export", "x12", simple.id, broken.id, "-o", third])
        #expect(refused.refused(broken.number) && !refused.stderr.contains(simple.number),
                "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: third))
        let stdout = try cli.run(["export", "x12", simple.id])
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("ISA*") && stdout.stdout.contains("*000000003*0*T*:~"))
        let settings = try cli.json(["export", "settings"])
        #expect(settings["last_interchange_control_number"] as? Int == 3)
    }
}
