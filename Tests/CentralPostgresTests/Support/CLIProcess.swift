import Foundation

/// One run of the built `clinicsync` binary (``ServeProcess/binary``), as a user at the
/// central office types it, in a temporary folder: its exit status and output.
struct CLIProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `clinicsync ARGS` with `environment` added, and waits.
    static func run(_ arguments: [String], environment: [String: String] = ["CLINICSYNC_USER": "central office"])
        throws -> CLIProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = ServeProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIProcess(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The standard output parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }

    /// The standard error's non-empty lines.
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
}
