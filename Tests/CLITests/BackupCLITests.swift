import CLITesting
import Foundation
import Testing

/// `clinicsync backup` and `restore` refusing bad input with one line, changing nothing (issue 28).
@Suite struct BackupCLITests {
    @Test func restoreRefusesWhatIsNotABackupOfThisStoreAndChangesNothing() throws {
        let cli = try CLIRunner()
        defer { try? FileManager.default.removeItem(at: cli.folder) }
        #expect(try cli.run(["init", "--clinic", "alpha"]).succeeded)
        #expect(try cli.run(["patient", "add", "--first", "Pat", "--last", "Doe", "--dob", "1980-01-01", "--sex", "F",
                             "--member-id", "M1"]).succeeded)
        let before = try cli.run(["patient", "list", "--json"]).stdout
        func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted() }
        let listed = try files()

        let garbage = cli.folder.appendingPathComponent("garbage.bak").path
        try Data("not a store".utf8).write(to: URL(fileURLWithPath: garbage))
        let notAStore = try cli.run(["restore", garbage])
        #expect(notAStore.refused("is not a ClinicSync store"), "\(notAStore)")
        let missing = try cli.run(["restore", cli.folder.appendingPathComponent("nothing.bak").path])
        #expect(missing.refused("no backup at"), "\(missing)")

        let beta = cli.folder.appendingPathComponent("beta.sqlite").path
        #expect(try cli.run(["init", "--clinic", "beta"], store: beta).succeeded)
        let betaBackup = cli.folder.appendingPathComponent("beta.bak").path
        #expect(try cli.run(["backup", betaBackup], store: beta).succeeded)
        let otherClinic = try cli.run(["restore", betaBackup])
        #expect(otherClinic.refused("belongs to alpha"), "\(otherClinic)")

        #expect(try cli.run(["patient", "list", "--json"]).stdout == before)
        #expect(!(try cli.run(["status"]).stdout.contains("restored:")))
        #expect(try files() == (listed + ["beta.bak", "beta.sqlite", "garbage.bak"]).sorted())
        #expect(before.contains("M1"))

        let existing = try cli.run(["backup", garbage])
        #expect(existing.refused("already exists"), "\(existing)")
    }
}
