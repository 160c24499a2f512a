import Foundation

/// A `clinicsync` (or other) child process whose output goes to files, so that it never
/// blocks on a full pipe and can be killed at any moment.
public final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    public struct Exit: CustomStringConvertible, Sendable {
        public var status: Int32
        public var killedBySignal: Bool
        /// The child was still running when its time ran out and the harness killed it: a hang,
        /// never a success nor a crash at a point.
        public var timedOut: Bool
        public var stdout: String
        public var stderr: String

        /// An ending: `status` is the signal's number when `killedBySignal`.
        public init(status: Int32, killedBySignal: Bool, timedOut: Bool = false, stdout: String, stderr: String) {
            self.status = status
            self.killedBySignal = killedBySignal
            self.timedOut = timedOut
            self.stdout = stdout
            self.stderr = stderr
        }

        /// Whether it was killed with SIGKILL (by a test's `kill9()` or by a crash point), in time.
        public var wasKilled: Bool { killedBySignal && status == SIGKILL && !timedOut }
        /// Whether it ran to its end by itself with `code` (no signal, no time-out).
        public func exited(_ code: Int32) -> Bool { !killedBySignal && !timedOut && status == code }
        /// Whether it succeeded: exit 0 by itself.
        public var succeeded: Bool { exited(0) }
        /// Whether it killed itself at crash point `point` (`CLINICSYNC_CRASH_AT`): SIGKILL after the
        /// point's marker on stderr, in time.
        public func crashed(at point: String) -> Bool {
            wasKilled && stderr.contains("\(Self.crashMarker) \(point)")
        }
        /// Whether it refused the command as a user is meant to see it: exit `code` (1 unless
        /// told), and one `Error:` line on stderr holding `text`.
        public func refused(_ text: String = "", code: Int32 = 1) -> Bool {
            let errors = errorLines.filter { $0.hasPrefix("Error:") }
            return exited(code) && errors.count == 1 && (text.isEmpty || errors[0].contains(text))
        }
        /// The line a crash point prints to stderr just before it kills its process.
        public static let crashMarker = "clinicsync: crash point"

        /// The standard output parsed as JSON.
        public func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
        /// The standard error's non-empty lines.
        public var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
        public var description: String {
            let ending = timedOut ? "timed out" : killedBySignal ? "signal \(status)" : "exit \(status)"
            return "\(ending): \(stderr.trimmingCharacters(in: .whitespacesAndNewlines)) \(stdout.prefix(400))"
        }
    }

    /// The running process (its identifier, for signals).
    public let process = Process()
    private let outURL: URL
    private let errURL: URL

    /// Starts `executable ARGS` in `folder` with `environment` added to this process's
    /// (a crash point inherited from the test run is dropped).
    public init(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
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

    /// Whether the child still runs.
    public var isRunning: Bool { process.isRunning }

    private static let logs: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-test-logs")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// What the child wrote to stderr so far.
    public var stderrSoFar: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Sends SIGKILL (if it still runs) and waits for the end.
    @discardableResult
    public func kill9() -> Exit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        return wait()
    }

    /// Sends SIGTERM (if it still runs) and waits for the end, at most `timeout` seconds.
    @discardableResult
    public func terminate(timeout: TimeInterval = 20) -> Exit {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        return wait(timeout: timeout)
    }

    /// Waits for the end; a child still running after `timeout` seconds is killed and its
    /// exit says `timedOut`.
    @discardableResult
    public func wait(timeout: TimeInterval = 120) -> Exit {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(2_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return Exit(status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
                    timedOut: timedOut, stdout: out, stderr: err)
    }
}

/// The built `clinicsync` binary and runs of it, as a user types them.
public enum Clinicsync {
    /// $CLINICSYNC_BIN, else `clinicsync` next to the test bundle.
    public static var binary: URL {
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
    public static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    timeout: TimeInterval = 120) throws -> ChildProcess.Exit {
        try ChildProcess(binary, arguments, in: folder, environment: environment).wait(timeout: timeout)
    }

    /// Starts `clinicsync ARGS` without waiting.
    public static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(binary, arguments, in: folder, environment: environment)
    }
}

/// A failed expectation about a child process, with what it printed.
public struct ChildFailure: Error, CustomStringConvertible {
    public var what: String
    public var exit: ChildProcess.Exit
    public var description: String { "\(what): \(exit)" }

    /// A failure named `what`, with how the child ended.
    public init(what: String, exit: ChildProcess.Exit) {
        self.what = what
        self.exit = exit
    }
}

/// The exit codes `clinicsync` ends with (README, "Exit codes"), as the tests expect them.
public enum ExitCodes {
    /// A refused command or a failed check: one `Error:` line on stderr (or the findings).
    public static let failed: Int32 = 1
    /// A command line that does not parse or validate.
    public static let usage: Int32 = 2
    /// The central node could not be reached, or answered that it cannot serve now.
    public static let unavailable: Int32 = 3
    /// A store problem: missing, read-only, full, locked, damaged.
    public static let store: Int32 = 4
}
