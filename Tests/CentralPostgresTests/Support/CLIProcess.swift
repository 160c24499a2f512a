import CLITesting
import Foundation

/// Runs of the built `clinicsync` binary (``Clinicsync/binary``), as a user at the central
/// office types them, each in a temporary folder.
enum CLIProcess {
    /// Runs `clinicsync ARGS` with `environment` added, and waits: how it ended (code, signal,
    /// time-out) and what it printed.
    static func run(_ arguments: [String], environment: [String: String] = ["CLINICSYNC_USER": "central office"])
        throws -> ChildProcess.Exit {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try Clinicsync.run(arguments, in: folder, environment: environment)
    }
}
