import CLITesting
import Foundation

/// Runs the built `clinicsync` binary as a user would, in a temporary folder.
struct CLIRunner {
    /// How a run ended: its exit (code, signal, time-out) and output (see ``ChildProcess/Exit``).
    typealias Result = ChildProcess.Exit

    let folder: URL
    let store: String
    var environment: [String: String] = [:]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("clinic.sqlite").path
    }

    /// Runs `clinicsync ARGS --store STORE` and waits.
    @discardableResult
    func run(_ arguments: [String], store explicitStore: String? = nil) throws -> Result {
        try Clinicsync.run(arguments + ["--store", explicitStore ?? store], in: folder, environment: environment)
    }

    /// Runs a command that must succeed and print JSON; returns the parsed object.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        guard result.succeeded else { throw Failure(arguments: arguments, result: result) }
        guard let object = try result.json() as? [String: Any] else { throw Failure(arguments: arguments, result: result) }
        return object
    }

    struct Failure: Error, CustomStringConvertible {
        var arguments: [String]
        var result: Result
        var description: String { "clinicsync \(arguments.joined(separator: " ")) -> \(result)" }
    }
}
