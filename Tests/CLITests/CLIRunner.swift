import CLITesting
import Foundation

/// Runs the built `clinicsync` binary as a user would, in a temporary folder.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The standard output parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

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
        let exit = try Clinicsync.run(arguments + ["--store", explicitStore ?? store], in: folder, environment: environment)
        return Result(status: exit.status, stdout: exit.stdout, stderr: exit.stderr)
    }

    /// Runs a command that must succeed and print JSON; returns the parsed object.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        guard result.status == 0 else { throw Failure(arguments: arguments, result: result) }
        guard let object = try result.json() as? [String: Any] else { throw Failure(arguments: arguments, result: result) }
        return object
    }

    struct Failure: Error, CustomStringConvertible {
        var arguments: [String]
        var result: Result
        var description: String { "clinicsync \(arguments.joined(separator: " ")) -> \(result.status): \(result.stderr)\(result.stdout)" }
    }
}
