import CLITesting
import Foundation
import Testing

/// Search a coder can trust (issue 26), through the built binary on the full FY2025 ICD-10-CM
/// (`codes load-bundled`): everyday words, the office's own words, typos with "did you mean",
/// billable codes before headers, a header's billable codes, and favorites bounded by exact codes.
@Suite(.timeLimit(.minutes(10))) struct SearchTrustCLITests {
    /// A store with the bundled code sets loaded once; each test searches a copy of it.
    static let template: Result<String, CLIRunner.Failure> = {
        let cli = try! CLIRunner()
        guard try! cli.run(["init", "--clinic", "alpha"]).succeeded else { fatalError("init failed") }
        let loaded = try! cli.run(["codes", "load-bundled"])
        guard loaded.succeeded else { return .failure(CLIRunner.Failure(arguments: ["codes", "load-bundled"], result: loaded)) }
        return .success(cli.store)
    }()

    /// A runner whose store is a copy of ``template``.
    static func runner() throws -> CLIRunner {
        let source = try template.get()
        let cli = try CLIRunner()
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: cli.store + suffix)
        }
        return cli
    }

    static func codes(_ cli: CLIRunner, _ arguments: [String]) throws -> [[String: Any]] {
        let result = try cli.run(arguments + ["--json"])
        guard result.succeeded, let list = try result.json() as? [[String: Any]] else {
            throw CLIRunner.Failure(arguments: arguments, result: result)
        }
        return list
    }

    @Test func everydayWordsAndAbbreviationsFindTheirCodes() throws {
        let cli = try Self.runner()
        #expect(try Self.codes(cli, ["codes", "search", "uti"]).first?["code"] as? String == "N390")
        #expect(try Self.codes(cli, ["codes", "search", "htn"]).first?["code"] as? String == "I10")
        let pinkEye = try Self.codes(cli, ["codes", "search", "pink eye", "--limit", "3"]).compactMap { $0["code"] as? String }
        #expect(pinkEye.contains { $0.hasPrefix("H10") }, "\(pinkEye)")
        let human = try cli.run(["codes", "search", "uti"])
        #expect(human.succeeded && human.stdout.contains("Read as: 'urinary tract infection'") && human.stdout.contains("N39.0"))
    }

    @Test func anOfficeSynonymSearchesAndBadOnesAreRefused() throws {
        let cli = try Self.runner()
        #expect(try Self.codes(cli, ["codes", "search", "sugar check"]).first?["code"] as? String != "83036")
        #expect(try cli.run(["codes", "synonyms", "add", "sugar check", "hemoglobin a1c"]).succeeded)
        #expect(try Self.codes(cli, ["codes", "search", "sugar check"]).first?["code"] as? String == "83036")
        #expect(try cli.run(["codes", "synonyms", "list"]).stdout.contains("sugar check"))

        // Words no code has, and a file with a bad line: one line on stderr, nothing changed.
        #expect(try cli.run(["codes", "synonyms", "add", "xq", "zzqxw nonsense"]).refused("no code in this store's releases"))
        let file = cli.folder.appendingPathComponent("office.tsv")
        try "bp check\tessential hypertension\nno tab on this line\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["codes", "synonyms", "import", file.path]).refused("line 2"))
        let listed = try #require(try cli.run(["codes", "synonyms", "list", "--json"]).json() as? [[String: Any]])
        #expect(listed.compactMap { $0["term"] as? String } == ["sugar check"])

        try "bp check\tessential hypertension\n# a comment\nred eye\tconjunctivitis\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["codes", "synonyms", "import", file.path]).succeeded)
        #expect(try Self.codes(cli, ["codes", "search", "bp check"]).first?["code"] as? String == "I10")
    }

    @Test func aTypoFindsItsCodeWithDidYouMean() throws {
        let cli = try Self.runner()
        for (typed, meant, code) in [("diabetis", "diabetes", "E11.9"), ("hypertention", "hypertension", "I10"),
                                     ("pnuemonia", "pneumonia", "J18"), ("bronchitus", "bronchitis", "J20.9")] {
            let result = try cli.run(["codes", "search", typed, "--limit", "3"])
            #expect(result.succeeded && result.stdout.contains("Did you mean '\(meant)'?"), "\(typed): \(result)")
            #expect(result.stdout.contains(code), "\(typed): \(result.stdout)")
        }
        let json = try cli.run(["codes", "search", "diabetis", "--json"])
        #expect(json.succeeded && json.stderr.contains("did you mean 'diabetes'"))
    }

    @Test func billableCodesComeBeforeHeadersAndHeadersAreMarked() throws {
        let cli = try Self.runner()
        for query in ["low back pain", "influenza", "otitis media", "hypertensive heart"] {
            let found = try Self.codes(cli, ["codes", "search", query])
            #expect(found.first?["billable"] as? Bool == true, "\(query): \(found.map { $0["code"] ?? "" })")
        }
        #expect(try Self.codes(cli, ["codes", "search", "low back pain"]).first?["code"] as? String == "M5450")
        let header = try cli.run(["codes", "search", "M54.5"])
        #expect(header.stdout.contains("M54.5 (header)"))
    }

    @Test func showingAHeaderListsItsBillableCodes() throws {
        let cli = try Self.runner()
        let shown = try cli.run(["codes", "show", "M54.5"])
        #expect(shown.succeeded && shown.stdout.contains("M54.5 is not billable: M54.50, M54.51, M54.59"), "\(shown)")
        let json = try #require(try cli.run(["codes", "show", "M54.5", "--json"]).json() as? [[String: Any]])
        #expect(json.first?["billable_children"] as? [String] == ["M54.50", "M54.51", "M54.59"])
        #expect(!(try cli.run(["codes", "show", "M54.50"]).stdout.contains("not billable")))
    }

    @Test func favoritesRankHigherButNeverAboveAnExactCode() throws {
        let cli = try Self.runner()
        let first = { (query: String) in try Self.codes(cli, ["codes", "search", query]).first?["code"] as? String }
        #expect(try first("hypertensive") == "I169")
        let codeList = try Self.codes(cli, ["codes", "search", "I1"]).compactMap { $0["code"] as? String }
        #expect(try cli.run(["codes", "favorites"]).stdout.contains("No codes"))

        let patient = try cli.json(["patient", "add", "--first", "Jane", "--last", "Doe", "--dob", "1980-01-01",
                                    "--sex", "F", "--member-id", "M123"])
        let patientID = try #require(patient["id"] as? String)
        _ = try cli.json(["provider", "add", "--npi", "1234567893", "--name", "Demo Family Practice", "--tax-id", "123456789"])
        _ = try cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Demo Health Plan"])
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        for _ in 0..<7 {
            let claim = try cli.json(["claim", "new", "--patient", patientID, "--payer", "PAYER01",
                                      "--billing-npi", "1234567893", "--dx", "I11.9"])
            let claimID = try #require(claim["id"] as? String)
            _ = try cli.json(["claim", "line", "add", claimID, "--code", "99213", "--units", "1", "--charge", "100.00",
                              "--date", today, "--dx-pointer", "1"])
        }
        let favorites = try #require(try cli.run(["codes", "favorites", "--json"]).json() as? [[String: Any]])
        #expect(favorites.contains { $0["code"] as? String == "I119" && $0["uses"] as? Int == 7 })
        #expect(try first("hypertensive") == "I119")
        // Bounded: a code query lists as before, the exact code first; words naming another code still find it.
        #expect(try Self.codes(cli, ["codes", "search", "I1"]).compactMap { $0["code"] as? String } == codeList)
        #expect(try first("I16.9") == "I169")
        #expect(try first("hypertensive crisis") == "I169")
    }
}
