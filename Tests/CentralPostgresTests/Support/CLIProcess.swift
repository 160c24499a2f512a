import CLITesting
import Foundation

/// One run of the built `clinicsync` binary (``Clinicsync/binary``), as a user at the
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
        let exit = try Clinicsync.run(arguments, in: folder, environment: environment)
        return CLIProcess(status: exit.status, stdout: exit.stdout, stderr: exit.stderr)
    }

    /// The standard output parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }

    /// The standard error's non-empty lines.
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
}
