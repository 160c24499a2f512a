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

    /// The binary: $CLINICSYNC_BIN, else `clinicsync` next to the test bundle.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CLINICSYNC_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("clinicsync")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/clinicsync")
    }

    /// Runs `clinicsync ARGS --store STORE` and waits.
    @discardableResult
    func run(_ arguments: [String], store explicitStore: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--store", explicitStore ?? store]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
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
