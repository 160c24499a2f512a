import CLITesting
import Foundation
import Testing

/// Issue 24 through the built binary: `--version`, completions and the manual naming every
/// command, progress only on a terminal, names instead of ids, and the exit-code table.
@Suite struct FinishedCLITests {
    @Test func versionNamesTheProgramTheSchemaAndSQLite() throws {
        let cli = try CLIRunner()
        let version = try Clinicsync.run(["--version"], in: cli.folder)
        #expect(version.status == 0)
        let json = try #require(try Clinicsync.run(["version", "--json"], in: cli.folder).json() as? [String: Any])
        #expect(json["schema_version"] as? Int == 1 && (json["sqlite_version"] as? String)?.hasPrefix("3.") == true)
        // Every migration this build knows, in order: v1 … vN.
        let migrations = try #require(json["migrations"] as? [String])
        #expect(migrations.count >= 2 && migrations == (1...migrations.count).map { "v\($0)" }, "\(migrations)")
        #expect(version.stdout.hasPrefix("clinicsync 0.") && version.stdout.contains("store schema 1")
                && version.stdout.contains("migrations v1-v\(migrations.count)") && version.stdout.contains("SQLite 3."),
                "\(version.stdout)")

        #expect(try cli.run(["init", "--clinic", "clinic-a"]).status == 0)
        let status = try cli.run(["status"])
        #expect(status.stdout.contains("version:         clinicsync 0.") && status.stdout.contains("(current)"), "\(status.stdout)")
        let statusJSON = try #require(try cli.run(["status", "--json"]).json() as? [String: Any])
        let versionJSON = try #require(statusJSON["version"] as? [String: Any])
        #expect(versionJSON["store_migrations"] as? [String] == migrations, "a new store has every migration")
    }

    /// Every visible command path, from ArgumentParser's own dump of the tree.
    static func commandPaths(in folder: URL) throws -> [[String]] {
        let dump = try Clinicsync.run(["--experimental-dump-help"], in: folder)
        let root = try #require(try dump.json() as? [String: Any])
        func walk(_ command: [String: Any], _ path: [String]) -> [[String]] {
            ((command["subcommands"] as? [[String: Any]]) ?? []).flatMap { sub -> [[String]] in
                guard let name = sub["commandName"] as? String, name != "help", sub["shouldDisplay"] as? Bool != false else { return [] }
                return [path + [name]] + walk(sub, path + [name])
            }
        }
        return walk(try #require(root["command"] as? [String: Any]), [])
    }

    @Test func completionsAndTheManualNameEveryCommand() throws {
        let cli = try CLIRunner()
        let paths = try Self.commandPaths(in: cli.folder)
        #expect(paths.count > 40 && paths.contains(["claim", "line", "add"]) && paths.contains(["doctor"]))
        for shell in ["bash", "zsh", "fish"] {
            let script = try Clinicsync.run(["completions", shell], in: cli.folder)
            #expect(script.status == 0 && script.stdout.count > 1000, "\(shell): \(script.stderr)")
            let missing = Set(paths.map { $0.last! }).filter { !script.stdout.contains($0) }
            #expect(missing.isEmpty, "\(shell) completion lacks \(missing.sorted())")
        }
        #expect(try Clinicsync.run(["completions", "powershell"], in: cli.folder).status == 2)
        // bash loads the script and completes the subcommands of `claim` from it.
        let script = cli.folder.appendingPathComponent("clinicsync.bash")
        try Data(try Clinicsync.run(["completions", "bash"], in: cli.folder).stdout.utf8).write(to: script)
        let bash = try ChildProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", """
            source '\(script.path)' && complete -p clinicsync && COMP_WORDS=(clinicsync claim '') && COMP_CWORD=2 \
            && COMP_LINE='clinicsync claim ' && COMP_POINT=17 && _clinicsync && echo "${COMPREPLY[*]}"
            """], in: cli.folder, environment: ["PATH": Clinicsync.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"]).wait()
        #expect(bash.status == 0 && bash.stdout.contains("-F _clinicsync clinicsync"), "\(bash)")
        #expect(["new", "line", "show", "history", "submit"].allSatisfy { bash.stdout.contains($0) }, "\(bash.stdout)")

        let page = cli.folder.appendingPathComponent("clinicsync.1")
        #expect(try Clinicsync.run(["manual", "-o", page.path], in: cli.folder).status == 0)
        let manual = try String(contentsOf: page, encoding: .utf8)
        #expect(manual.hasPrefix(".TH CLINICSYNC 1"))
        let undocumented = paths.filter { !manual.contains(".SS \"clinicsync \($0.joined(separator: " ").replacingOccurrences(of: "-", with: "\\-"))\"") }
        #expect(undocumented.isEmpty, "the manual lacks \(undocumented)")
        #expect(manual.contains(".SH EXIT STATUS") && manual.contains("\\fB\\-\\-store\\fR"))
        let stdout = try Clinicsync.run(["manual"], in: cli.folder)
        #expect(stdout.stdout == manual)
        // groff formats it as a man page without a single warning.
        let groff = try ChildProcess(URL(fileURLWithPath: "/usr/bin/env"), ["groff", "-man", "-Tutf8", "-ww", "-z", page.path],
                                     in: cli.folder).wait()
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff)")
    }

    /// Runs `clinicsync ARGS` on a pseudo-terminal through `script`, which copies what the
    /// terminal showed (stdout and stderr together) to its own stdout.
    static func onTerminal(_ arguments: [String], in folder: URL) throws -> ChildProcess.Exit {
        let command = ([Clinicsync.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ChildProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: folder).wait()
    }

    @Test func progressShowsOnATerminalOnlyAndNeverInJSONOrWhenQuiet() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).status == 0)
        let file = cli.folder.appendingPathComponent("hcpcs.csv")
        try Data(("code,description\n" + (0..<6000).map { "J\(String(format: "%04d", $0)),Demo drug \($0)" }
            .joined(separator: "\n") + "\n").utf8).write(to: file)
        // Quarterly releases, one after another (an overlapping release is refused).
        let effective = ["H1": "2025-01-01", "H2": "2025-04-01", "H3": "2025-07-01"]
        func importing(_ release: String, _ extra: [String]) -> [String] {
            ["codes", "import", "--system", "hcpcs", "--release", release, "--effective", effective[release]!, file.path,
             "--store", cli.store] + extra
        }
        let shown = try Self.onTerminal(importing("H1", []), in: cli.folder)
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains("H1 [") && shown.stdout.contains("6,000/6,000  100%") && shown.stdout.contains("\u{1B}[K")
                && shown.stdout.contains("/s"), "\(shown.stdout.debugDescription)")
        #expect(shown.stdout.contains("Imported 6000 hcpcs entries"))

        let quiet = try Self.onTerminal(importing("H2", ["--quiet"]), in: cli.folder)
        #expect(quiet.status == 0 && !quiet.stdout.contains("\u{1B}[K") && !quiet.stdout.contains("H2 ["), "\(quiet.stdout)")

        let json = try Self.onTerminal(importing("H3", ["--json"]), in: cli.folder)
        #expect(json.status == 0 && !json.stdout.contains("\u{1B}[K") && !json.stdout.contains("H3 ["), "\(json.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.replacingOccurrences(of: "\r", with: "").utf8))
        #expect((object as? [String: Any])?["entry_count"] as? Int == 6000)

        let piped = try cli.run(["codes", "import", "--system", "hcpcs", "--release", "H4", "--effective", "2025-10-01", file.path])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "no progress when stderr is not a terminal: \(piped.stderr)")
    }

    @Test func humanOutputNamesPeopleAndStripsControlCharacters() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).status == 0)
        let patient = try #require(try cli.json(["patient", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-02-03",
                                                 "--sex", "F", "--member-id", "MX1"])["id"] as? String)
        let payer = try #require(try cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Prairie Plan"])["id"] as? String)
        _ = try cli.json(["provider", "add", "--npi", "1234567893", "--name", "Alpha Family Practice"])
        let claim = try cli.json(["claim", "new", "--patient", patient, "--payer", "PAYER01", "--billing-npi", "1234567893",
                                  "--dx", "I10"])
        let claimID = try #require(claim["id"] as? String)
        _ = try cli.json(["claim", "set", claimID, "notes", "call back \u{1B}[2J\u{1B}]0;owned\u{07} soon"])

        let shown = try cli.run(["claim", "show", claimID])
        #expect(shown.stdout.contains("patient:   Ruiz, Ana") && shown.stdout.contains("payer:     Prairie Plan (PAYER01)")
                && shown.stdout.contains("Alpha Family Practice (NPI 1234567893)"), "\(shown.stdout)")
        #expect(!shown.stdout.contains(patient) && !shown.stdout.contains(payer))
        #expect(!shown.stdout.contains("\u{1B}") && !shown.stdout.contains("\u{07}") && shown.stdout.contains("call back ?[2J?]0;owned? soon"))
        let list = try cli.run(["claim", "list"])
        #expect(list.stdout.contains("Ruiz, Ana") && list.stdout.contains("Prairie Plan") && !list.stdout.contains(patient), "\(list.stdout)")
        let history = try cli.run(["claim", "history", claimID])
        #expect(!history.stdout.contains("\u{1B}") && history.stdout.contains("call back ?[2J?]0;owned? soon"), "\(history.stdout)")
        let unknown = try cli.run(["claim", "show", "C\u{1B}[2J"])
        #expect(unknown.status == 1 && unknown.stderr.contains("claim C?[2J not found") && !unknown.stderr.contains("\u{1B}"),
                "\(unknown.stderr)")
        // Scripts keep the ids and the exact values.
        let json = try cli.json(["claim", "show", claimID])
        #expect(json["patient_id"] as? String == patient && (json["notes"] as? String)?.contains("\u{1B}[2J") == true)
    }

    @Test func exitCodesFollowTheTable() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).status == 0)
        let garbage = cli.folder.appendingPathComponent("garbage.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: garbage)
        let cases: [(label: String, arguments: [String], store: String?, status: Int32)] = [
            ("ok", ["status"], nil, 0),
            ("help", ["claim", "--help"], nil, 0),
            ("not found", ["claim", "show", "C999999"], nil, 1),
            ("unknown option", ["claim", "list", "--bogus"], nil, 2),
            ("unknown command", ["frobnicate"], nil, 2),
            ("refused value", ["patient", "add", "--first", "A", "--last", "B", "--dob", "2999-01-01", "--sex", "F", "--member-id", "M"],
             nil, 1),
            ("malformed value", ["codes", "search", "x", "--limit", "many"], nil, 2),
            ("missing argument", ["claim", "show"], nil, 2),
            ("out of range", ["sync", "--batch", "0"], nil, 2),
            ("no remote", ["sync"], nil, 2),
            ("unreachable", ["sync", "--server", "http://127.0.0.1:1", "--token", "t"], nil, 3),
            ("no store", ["claim", "list"], cli.folder.appendingPathComponent("none.sqlite").path, 4),
            ("not a store", ["claim", "list"], garbage.path, 4),
            ("doctor, not a store", ["doctor"], garbage.path, 4),
            ("doctor, offline clinic never synced", ["doctor", "--offline"], nil, 1),
            ("store exists", ["init", "--clinic", "clinic-a"], nil, 1),
        ]
        for item in cases {
            let result = try cli.run(item.arguments, store: item.store)
            #expect(result.status == item.status, "\(item.label): \(result.stderr)")
            if item.arguments.first == "doctor" {
                #expect(result.stdout.hasSuffix(", exit \(item.status)\n"), "\(item.label): the report ends with its verdict: \(result.stdout)")
            } else if item.status > 0 {
                #expect(!result.stderr.isEmpty, "\(item.label): the reason is on stderr")
            }
        }
    }
}
