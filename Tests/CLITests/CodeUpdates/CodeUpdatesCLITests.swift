import CLITesting
import Foundation
import Testing

/// DESIGN §13 through the built binary with `--json`: default effective dates, refused
/// overlaps, `codes diff`, `codes impact` and the scrubber's wording, over two releases of
/// ICD-10-CM (the shipped FY2025 and an FY2026 made from it) and of a small CPT list.
@Suite(.serialized, .timeLimit(.minutes(10))) struct CodeUpdatesCLITests {
    typealias Files = CodeReleaseFiles

    /// A clinic store and the release files, nothing imported yet.
    struct Office {
        let cli: CLIRunner
        let fy2025: String, fy2026: String, cpt2025: String, cpt2026: String

        init() throws {
            cli = try CLIRunner()
            (fy2025, fy2026) = try Files.writeICD(into: cli.folder)
            cpt2025 = try Files.write(Files.cpt2025, "cpt2025.csv", in: cli.folder)
            cpt2026 = try Files.write(Files.cpt2026, "cpt2026.csv", in: cli.folder)
            try Self.succeed(cli.run(["init", "--clinic", "clinic-a", "--name", "Springfield"]))
        }

        /// `codes import` without `--effective`; returns the release printed.
        @discardableResult
        func importRelease(_ system: String, _ name: String, _ file: String, _ extra: [String] = []) throws -> [String: Any] {
            try cli.json(["codes", "import", "--system", system, "--release", name, file] + extra)
        }

        /// Both ICD-10-CM releases and both CPT lists, oldest first.
        func importAll() throws {
            try importRelease("icd10cm", "ICD10CM-FY2025", fy2025)
            try importRelease("cpt", "CPT-2025", cpt2025)
            try importRelease("icd10cm", "ICD10CM-FY2026", fy2026)
            try importRelease("cpt", "CPT-2026", cpt2026)
        }

        /// `codes releases --json` as (name, from, to) per release, newest first within a system.
        func ranges(_ system: String? = nil) throws -> [[String?]] {
            let releases = try #require(try cli.run(["codes", "releases", "--json"] + (system.map { ["--system", $0] } ?? []))
                .json() as? [[String: Any]])
            return releases.map { [$0["name"] as? String, $0["effective_from"] as? String, $0["effective_to"] as? String] }
        }

        /// A claim for a new patient with `dx` and one line per (code, date); returns its id.
        func claim(dx: [String], lines: [(String, String)]) throws -> String {
            let patient = try #require(try cli.json([
                "patient", "add", "--first", "Ann", "--last", "Lee", "--dob", "1970-02-03", "--sex", "F",
                "--member-id", "M\(UUID().uuidString.prefix(8))"])["id"] as? String)
            let claim = try cli.json(["claim", "new", "--patient", patient, "--payer", "PAYER01", "--billing-npi", "1234567893"]
                + dx.flatMap { ["--dx", $0] })
            let id = try #require(claim["id"] as? String)
            for (code, date) in lines {
                _ = try cli.json(["claim", "line", "add", id, "--code", code, "--units", "1", "--charge", "80.00", "--date", date])
            }
            return id
        }

        /// `claim check --json`: each finding's rule, severity and message.
        func findings(_ claim: String) throws -> [(rule: String, severity: String, message: String)] {
            let result = try cli.run(["claim", "check", claim, "--json"])
            let object = try #require(try result.json() as? [String: Any], "\(result)")
            return try #require(object["findings"] as? [[String: Any]]).map {
                ($0["rule_id"] as? String ?? "?", $0["severity"] as? String ?? "?", $0["message"] as? String ?? "")
            }
        }

        static func succeed(_ result: CLIRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
            try #require(result.succeeded, "\(result)", sourceLocation: sourceLocation)
        }
    }

    @Test func releasesTakeTheirCalendarAndOverlapsAreRefused() throws {
        let office = try Office()
        let fy2025 = try office.importRelease("icd10cm", "ICD10CM-FY2025", office.fy2025)
        #expect(fy2025["effective_from"] as? String == "2024-10-01")
        #expect(fy2025["entry_count"] as? Int == 97_584)
        #expect(try office.importRelease("icd10cm", "ICD10CM-FY2026", office.fy2026)["effective_from"] as? String == "2025-10-01")
        #expect(try office.importRelease("cpt", "CPT-2025", office.cpt2025)["effective_from"] as? String == "2025-01-01")
        #expect(try office.importRelease("cpt", "CPT-2026", office.cpt2026)["effective_from"] as? String == "2026-01-01")
        // --year gives the year a name does not carry.
        #expect(try office.importRelease("cpt", "CPT-LICENSED", office.cpt2026, ["--year", "2027"])["effective_from"] as? String
                == "2027-01-01")

        #expect(try office.ranges("icd10cm") == [["ICD10CM-FY2026", "2025-10-01", nil],
                                                  ["ICD10CM-FY2025", "2024-10-01", "2025-09-30"]])
        let cpt: [[String?]] = [["CPT-LICENSED", "2027-01-01", nil], ["CPT-2026", "2026-01-01", "2026-12-31"],
                                ["CPT-2025", "2025-01-01", "2025-12-31"]]
        #expect(try office.ranges("cpt") == cpt)
        let human = try office.cli.run(["codes", "releases", "--system", "icd10cm"])
        #expect(human.succeeded && human.stdout.contains("2024-10-01  2025-09-30"), "\(human)")

        let before = try office.ranges()
        let refusals: [(arguments: [String], text: String)] = [
            (["--system", "cpt", "--release", "CPT-2024", office.cpt2025], "is out of order: release CPT-LICENSED (from 2027-01-01) starts later"),
            (["--system", "cpt", "--release", "CPT-AGAIN", "--effective", "2027-01-01", office.cpt2026], "both start on 2027-01-01"),
            (["--system", "icd10cm", "--release", "ICD10CM-FY2026-BIS", "--year", "2026", office.fy2026], "both start on 2025-10-01"),
            (["--system", "cpt", "--release", "CPT-OVERLAP", "--effective", "2026-06-01", office.cpt2026], "out of order"),
            (["--system", "cpt", "--release", "CPT-UNNAMED", office.cpt2026], "give --effective YYYY-MM-DD or --year YYYY"),
            (["--system", "hcpcs", "--release", "HCPCS-2026Q1", office.cpt2026], "quarterly: give --effective"),
            (["--system", "ncci-ptp", "--release", "NCCI-2026Q1", office.cpt2026], "quarterly: give --effective"),
            (["--system", "mue", "--release", "MUE-2026Q1", office.cpt2026], "quarterly: give --effective"),
        ]
        for refusal in refusals {
            let result = try office.cli.run(["codes", "import"] + refusal.arguments)
            #expect(result.refused(refusal.text), "\(refusal.arguments): \(result)")
        }
        #expect(try office.ranges() == before, "a refused import changes nothing")
    }

    @Test func diffListsAddedDeletedAndChangedCodesInUnderASecond() throws {
        let office = try Office()
        try office.importAll()
        let started = Date()
        let diff = try office.cli.json(["codes", "diff", "--system", "icd10cm", "--from", "ICD10CM-FY2025", "--to", "ICD10CM-FY2026"])
        let wall = Date().timeIntervalSince(started)
        func codes(_ key: String) -> [String] { (diff[key] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        #expect(codes("added") == Files.addedDiagnoses)
        #expect(codes("deleted") == Files.deletedDiagnoses)
        #expect(codes("changed") == [Files.redescribed.0, Files.noLongerBillable])
        let changed = try #require(diff["changed"] as? [[String: Any]])
        #expect(changed[0]["new_description"] as? String == Files.redescribed.1)
        #expect(changed[0]["old_description"] as? String == "Essential (primary) hypertension")
        #expect(changed[0]["old_billable"] as? Bool == true && changed[0]["new_billable"] as? Bool == true)
        #expect(changed[1]["old_billable"] as? Bool == true && changed[1]["new_billable"] as? Bool == false)
        #expect((diff["deleted"] as? [[String: Any]])?.first?["display"] as? String == "A00.1")
        #expect((diff["from"] as? [String: Any])?["name"] as? String == "ICD10CM-FY2025")
        #expect(((diff["to"] as? [String: Any])?["id"] as? String)?.isEmpty == false, "ids in --json")
        let storeMillis = try #require(diff["elapsed_ms"] as? Double)
        let cpuMillis = try #require(diff["cpu_ms"] as? Double)
        print("[codes diff] full ICD-10-CM FY2025 (97,584 codes) vs a modified copy: \(String(format: "%.1f", storeMillis)) ms "
              + "in the store (\(String(format: "%.1f", cpuMillis)) ms of CPU), \(String(format: "%.2f", wall)) s for the whole command")
        // The work itself must take well under a second; the wall time also waits for a busy
        // machine's other processes, so it gets a looser bound.
        #expect(cpuMillis < 1_000, "the diff of ~98k codes must take under a second of CPU (took \(cpuMillis) ms)")
        #expect(storeMillis < 3_000, "the diff took \(storeMillis) ms of wall time")

        let cpt = try office.cli.json(["codes", "diff", "--system", "cpt", "--from", "CPT-2025", "--to", "CPT-2026"])
        #expect((cpt["added"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["99215"])
        #expect((cpt["deleted"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["99201"])
        #expect((cpt["changed"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["99213"])

        let csv = try office.cli.run(["codes", "diff", "--system", "cpt", "--from", "CPT-2025", "--to", "CPT-2026", "--csv"])
        #expect(csv.succeeded)
        #expect(csv.stdout.split(separator: "\n") == [
            "change,code,description,old_description,old_billable,new_billable",
            "added,99215,\"TEST - Established patient office visit, high complexity\",,,yes",
            "deleted,99201,\"TEST - New patient office visit, lowest level\",,yes,",
            "re-described,99213,\"TEST - Established patient office or outpatient visit, low complexity\","
                + "\"TEST - Established patient office visit, low complexity\",yes,yes",
        ])
        let table = try office.cli.run(["codes", "diff", "--system", "icd10cm", "--from", "ICD10CM-FY2025", "--to", "ICD10CM-FY2026"])
        #expect(table.stdout.contains("2 added, 3 deleted, 2 changed") && table.stdout.contains("J02.9")
                && table.stdout.contains("now a header"), "\(table)")

        #expect(try office.cli.run(["codes", "diff", "--system", "cpt", "--from", "CPT-2025", "--to", "ICD10CM-FY2026"])
            .refused("cpt release ICD10CM-FY2026 not found"))
        #expect(try office.cli.run(["codes", "diff", "--system", "ncci-ptp", "--from", "A", "--to", "B"]).refused("hold edits"))
    }

    @Test func impactListsTheOpenClaimsAndTheScrubberNamesDeletedCodes() throws {
        let office = try Office()
        try office.importRelease("icd10cm", "ICD10CM-FY2025", office.fy2025)
        try office.importRelease("cpt", "CPT-2025", office.cpt2025)
        _ = try office.cli.json(["provider", "add", "--npi", "1234567893", "--name", "Springfield Family Practice",
                                 "--tax-id", "371234567"])
        _ = try office.cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Prairie Health Plan"])
        // Submitted before FY2026 arrives: no longer open, never listed.
        let submitted = try office.claim(dx: ["J02.9"], lines: [("99213", "2025-10-03")])
        try Office.succeed(office.cli.run(["claim", "submit", submitted]))
        try office.importRelease("icd10cm", "ICD10CM-FY2026", office.fy2026)
        try office.importRelease("cpt", "CPT-2026", office.cpt2026)

        let deletedDx = try office.claim(dx: ["J02.9"], lines: [("99213", "2025-10-02")])
        let straddling = try office.claim(dx: ["I10"], lines: [("99213", "2025-09-30"), ("99214", "2025-10-01")])
        let before = try office.claim(dx: ["J02.9"], lines: [("99213", "2025-09-20")])
        let deletedProcedure = try office.claim(dx: ["I10"], lines: [("99213", "2026-01-05"), ("99201", "2026-01-05")])

        let icd = try office.cli.json(["codes", "impact", "--release", "ICD10CM-FY2026"])
        #expect(icd["deleted_codes"] as? Int == 3 && icd["open_claims"] as? Int == 4)
        #expect((icd["previous"] as? [String: Any])?["name"] as? String == "ICD10CM-FY2025")
        let claims = try #require(icd["claims"] as? [[String: Any]])
        #expect(Set(claims.compactMap { $0["id"] as? String }) == [deletedDx, straddling])
        func impacts(_ claims: [[String: Any]], _ id: String) -> [[String: Any]] {
            claims.first { $0["id"] as? String == id }?["impacts"] as? [[String: Any]] ?? []
        }
        #expect(impacts(claims, deletedDx).map { $0["kind"] as? String } == ["deleted_code"])
        #expect(impacts(claims, deletedDx).first?["code"] as? String == "J029")
        #expect(impacts(claims, straddling).map { $0["kind"] as? String } == ["straddles"])
        #expect(claims.allSatisfy { $0["clinic"] as? String == "clinic-a" && $0["status"] as? String == "coded" })

        let cpt = try office.cli.json(["codes", "impact", "--release", "CPT-2026", "--system", "cpt"])
        let cptClaims = try #require(cpt["claims"] as? [[String: Any]])
        #expect(cptClaims.compactMap { $0["id"] as? String } == [deletedProcedure])
        #expect(impacts(cptClaims, deletedProcedure).map { $0["line_number"] as? Int } == [2])
        #expect(try office.cli.run(["codes", "impact", "--release", "CPT-2099"]).refused("release CPT-2099 not found"))

        // The scrubber names the deletion (date and release) instead of "unknown".
        let dx = try office.findings(deletedDx)
        #expect(dx.contains { $0.rule == "DX_DELETED" && $0.message.hasPrefix(
            "Diagnosis 1 (J02.9) was deleted on 2025-10-01 with release ICD10CM-FY2026;") }, "\(dx)")
        #expect(!dx.contains { $0.rule == "DX_UNKNOWN" })
        let procedure = try office.findings(deletedProcedure)
        #expect(procedure.contains { $0.rule == "PROC_DELETED" && $0.message.hasPrefix(
            "Procedure code 99201 was deleted on 2026-01-01 with release CPT-2026;") }, "\(procedure)")
        let split = try office.findings(straddling)
        #expect(split.contains { $0.rule == "DX_RELEASE_SPLIT" && $0.severity == "warning"
            && $0.message.contains("ICD10CM-FY2025 (2024-10-01 to 2025-09-30)") && $0.message.contains("ICD10CM-FY2026 (from 2025-10-01)")
            && $0.message.contains("split the claim") }, "\(split)")
        #expect(!(try office.findings(before)).contains { $0.rule.hasPrefix("DX_") })
    }
}
