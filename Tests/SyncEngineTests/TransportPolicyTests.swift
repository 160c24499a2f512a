import Foundation
import SyncEngine
import Testing

/// DESIGN §4 "Transport and rest" at the clinic: no token in the clear beyond this machine, and
/// the token from a file or the environment.
@Suite struct TransportPolicyTests {
    @Test(arguments: [
        ("https://central.example:8443", false, true), ("http://central.example:8080", false, false),
        ("http://central.example:8080", true, true), ("http://10.0.0.5", false, false),
        ("http://127.0.0.1:8080", false, true), ("http://localhost:8080", false, true),
        ("http://[::1]:8080", false, true), ("http://127.0.0.1.evil.example", false, false),
        ("ftp://central.example", true, false),
    ])
    func httpBeyondThisMachineIsRefusedUnlessInsecure(url: String, insecure: Bool, allowed: Bool) throws {
        let problem = TransportPolicy.problem(with: try #require(URL(string: url)), insecure: insecure)
        #expect((problem == nil) == allowed, "\(url) insecure=\(insecure): \(problem ?? "allowed")")
        if url.hasPrefix("http://central") && !insecure { #expect(problem?.contains("--insecure") == true) }
    }

    @Test func theTokenComesFromTheFileThenTheEnvironmentThenTheFlag() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)").path
        try "alpha.from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
        let environment = ["CLINICSYNC_TOKEN": "alpha.from-env"]
        #expect(try TransportPolicy.token(flag: "alpha.flag", file: file, environment: environment) == "alpha.from-file")
        #expect(try TransportPolicy.token(flag: "alpha.flag", file: nil, environment: environment) == "alpha.from-env")
        #expect(try TransportPolicy.token(flag: "alpha.flag", file: nil, environment: [:]) == "alpha.flag")
        #expect(try TransportPolicy.token(flag: nil, file: nil, environment: [:]) == nil)
        #expect(throws: SecretSourceError.unreadable(path: file + ".missing")) {
            try TransportPolicy.token(flag: nil, file: file + ".missing", environment: [:])
        }
        try "  \n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: SecretSourceError.empty(path: file)) { try TransportPolicy.token(flag: nil, file: file, environment: [:]) }
        try? FileManager.default.removeItem(atPath: file)
    }
}
