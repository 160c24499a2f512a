import Foundation

/// A `clinicsync` (or other) child process whose output goes to files, so that it never
/// blocks on a full pipe and can be killed at any moment.
final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    struct Exit: CustomStringConvertible {
        var status: Int32
        var killedBySignal: Bool
        var stdout: String
        var stderr: String

        /// Whether it was killed with SIGKILL (by a test or by a crash point).
        var wasKilled: Bool { killedBySignal && status == SIGKILL }
        var description: String {
            "\(killedBySignal ? "signal" : "exit") \(status): \(stderr.trimmingCharacters(in: .whitespacesAndNewlines)) \(stdout.prefix(400))"
        }
    }

    let process = Process()
    private let outURL: URL
    private let errURL: URL

    /// Starts `executable ARGS` in `folder` with `environment` added to this process's.
    init(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
        // Output goes to a folder of its own: the test's folder may be read-only or full on purpose.
        let name = UUID().uuidString
        outURL = Self.logs.appendingPathComponent("\(name).out")
        errURL = Self.logs.appendingPathComponent("\(name).err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CLINICSYNC_CRASH_AT")
        process.environment = env.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    private static let logs: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-chaos-logs")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// What the child wrote to stderr so far.
    var stderrSoFar: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Sends SIGKILL (if it still runs) and waits for the end.
    @discardableResult
    func kill9() -> Exit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        return wait()
    }

    /// Waits for the end, killing the child after `timeout` seconds.
    @discardableResult
    func wait(timeout: TimeInterval = 120) -> Exit {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return Exit(status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
                    stdout: out, stderr: err)
    }
}

/// The built `clinicsync` binary and one-shot runs of it.
enum Clinicsync {
    /// $CLINICSYNC_BIN, else `clinicsync` next to the test bundle.
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

    /// Runs `clinicsync ARGS` to the end.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    timeout: TimeInterval = 120) throws -> ChildProcess.Exit {
        try ChildProcess(binary, arguments, in: folder, environment: environment).wait(timeout: timeout)
    }

    /// Starts `clinicsync ARGS` without waiting.
    static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(binary, arguments, in: folder, environment: environment)
    }
}

/// A failed expectation about a child process, with what it printed.
struct ChildFailure: Error, CustomStringConvertible {
    var what: String
    var exit: ChildProcess.Exit
    var description: String { "\(what): \(exit)" }
}
