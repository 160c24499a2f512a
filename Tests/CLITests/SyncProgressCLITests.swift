import CLITesting
import Foundation
import Testing

/// A sync's progress through the built binary: the push bar on a terminal, nothing in `--json`
/// or through a pipe.
@Suite struct SyncProgressCLITests {
    @Test func aSyncShowsItsPushOnATerminalOnly() throws {
        let world = try DoctorCLITests.World()
        defer { world.server.stop() }
        func addPatients(_ tag: String) throws {
            for index in 0..<3 {
                _ = try world.cli.json(["patient", "add", "--first", "P\(index)", "--last", tag, "--dob", "1980-01-01",
                                        "--sex", "U", "--member-id", "\(tag)\(index)"])
            }
        }
        try addPatients("Terminal")
        let shown = try FinishedCLITests.onTerminal(["sync", "--store", world.cli.store], in: world.cli.folder)
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains("push [##############################] 3/3  100%") && shown.stdout.contains("\u{1B}[K"),
                "\(shown.stdout.debugDescription)")
        #expect(shown.stdout.contains("Synced with"))

        try addPatients("Json")
        let json = try FinishedCLITests.onTerminal(["sync", "--json", "--store", world.cli.store], in: world.cli.folder)
        #expect(json.status == 0 && !json.stdout.contains("push [") && !json.stdout.contains("\u{1B}[K"), "\(json.stdout)")
        let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.replacingOccurrences(of: "\r", with: "").utf8))
        #expect((summary as? [String: Any])?["pushed"] as? Int == 3)

        try addPatients("Pipe")
        let piped = try world.cli.run(["sync"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
    }
}
