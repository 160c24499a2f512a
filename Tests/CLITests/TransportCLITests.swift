import CLITesting
import Foundation
import Testing

/// DESIGN §4 "Transport and rest" through the built binary: `http://` beyond this machine is
/// refused unless `--insecure`; the clinic token comes from `--token-file` or
/// `$CLINICSYNC_TOKEN` (and is used: the sync succeeds with it); store files are 0600.
@Suite(.timeLimit(.minutes(5))) struct TransportCLITests {
    static func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func httpToAnotherMachineIsRefusedUnlessInsecure() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).succeeded)
        #expect(try Self.mode(cli.store) == 0o600)
        let refused = try cli.run(["remote", "set", "--server", "http://central.example:8080", "--token", "clinic-a.x"])
        #expect(!refused.succeeded && refused.stderr.contains("refusing http:// to central.example"), "\(refused)")
        #expect(try cli.run(["remote", "set", "--server", "http://central.example:8080", "--token", "clinic-a.x",
                             "--insecure"]).succeeded)
        // Saved before, refused at sync time all the same.
        let sync = try cli.run(["sync"])
        #expect(!sync.succeeded && sync.stderr.contains("refusing http://"), "\(sync)")
        #expect(try cli.run(["remote", "set", "--server", "https://central.example:8443", "--token", "clinic-a.x"]).succeeded)
        let unreadable = try cli.run(["remote", "set", "--server", "https://central.example", "--token-file", "/nonexistent/t"])
        #expect(!unreadable.succeeded && unreadable.stderr.contains("cannot read the token file"), "\(unreadable)")
    }

    @Test func theTokenFromAFileOrTheEnvironmentIsTheOneUsed() throws {
        var cli = try CLIRunner()
        let central = cli.folder.appendingPathComponent("central.sqlite").path
        let adminFile = cli.folder.appendingPathComponent("admin.token")
        try "admin-token-for-the-test-0123456789".write(to: adminFile, atomically: true, encoding: .utf8)
        #expect(try cli.run(["init", "--central"], store: central).succeeded)
        let server = try ServeProcess.start(store: central, adminTokenFile: adminFile.path, folder: cli.folder)
        defer { server.stop() }
        let enrolled = try cli.run(["admin", "enroll", "--clinic", "clinic-a", "--server", server.url.absoluteString,
                                    "--admin-token-file", adminFile.path, "--json"], store: central)
        let token = try #require((try enrolled.json() as? [String: Any])?["token"] as? String)
        #expect(try cli.run(["init", "--clinic", "clinic-a"]).succeeded)
        _ = try cli.json(["payer", "add", "--payer-id", "PAYER01", "--name", "Plan"])

        let tokenFile = cli.folder.appendingPathComponent("clinic.token").path
        try (token + "\n").write(toFile: tokenFile, atomically: true, encoding: .utf8)
        #expect(try cli.run(["remote", "set", "--server", server.url.absoluteString, "--token-file", tokenFile]).succeeded)
        #expect(try cli.run(["sync"]).succeeded)

        // A wrong token on the command line loses to $CLINICSYNC_TOKEN; a wrong one there fails.
        _ = try cli.json(["payer", "add", "--payer-id", "PAYER02", "--name", "Plan 2"])
        cli.environment["CLINICSYNC_TOKEN"] = "clinic-a.wrong"
        #expect(try !cli.run(["sync", "--token", token]).succeeded)
        cli.environment["CLINICSYNC_TOKEN"] = token
        #expect(try cli.run(["sync", "--token", "clinic-a.wrong"]).succeeded)
    }
}
