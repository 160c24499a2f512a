import Foundation
import Testing

/// Runs pyx12's `x12valid` (the independent validator DESIGN §9 names) on exported X12: the one
/// harness every test target uses.
///
/// `x12valid FILE` writes its verdict to standard error: `FILE: OK` for a clean file, or
/// `ERROR` log lines followed by `FILE: Failure`. Its exit status is 1 either way, so only the
/// text counts. It also writes a 999 acknowledgment beside the file (`FILE.997`), whose `IK5*A`
/// / `AK9*A` say the transaction set and group were accepted. A run is bounded: a validator
/// that hangs is killed and its report says so (never a pass).
public enum X12Validator {
    /// What one run said.
    public struct Report: Sendable {
        /// The validated file's path.
        public let file: String
        /// Standard output and error together.
        public let output: String
        /// The 999 written beside the file, when there was one.
        public let acknowledgment: String?
        /// The validator ran out of time and was killed.
        public let timedOut: Bool

        /// `FILE: OK`, in time.
        public var reportsOK: Bool { !timedOut && output.contains("\(file): OK") }
        /// The `ERROR` and `Failure` lines.
        public var errorLines: [String] {
            output.split(separator: "\n").map(String.init).filter { $0.contains(" ERROR ") || $0.contains("Failure") }
        }
        /// The 999 accepts the transaction set and the group.
        public var acknowledgmentAccepts: Bool {
            guard let acknowledgment else { return false }
            return acknowledgment.contains("IK5*A~") && acknowledgment.contains("AK9*A*")
        }
        /// OK, no error line, and an accepting 999.
        public var isAccepted: Bool { reportsOK && errorLines.isEmpty && acknowledgmentAccepts }
        /// The error lines about the file itself: without pyx12's own failure to write a 999 for a
        /// transaction that has no ST03 (the 835 it validates OK), which says nothing about the file.
        public var validationErrorLines: [String] {
            errorLines.filter { !$0.contains("Failed to create 999 response") }
        }
    }

    /// How long one validation may take.
    public static let timeout: TimeInterval = 120

    /// `x12valid` found on `PATH`, or `nil`.
    public static func executable() -> URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("x12valid")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Validates the file at `path` (the 999 is written beside it).
    public static func run(file path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Report {
        let tool = try #require(executable(), "x12valid (pyx12) is not on PATH: run scripts/test.sh, which installs it",
                                sourceLocation: sourceLocation)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let exit = try ChildProcess(tool, [path], in: folder).wait(timeout: timeout)
        return Report(file: path, output: exit.stdout + exit.stderr,
                      acknowledgment: try? String(contentsOfFile: path + ".997", encoding: .utf8), timedOut: exit.timedOut)
    }

    /// Writes `text` to a temporary file named `name`, validates it and cleans up.
    public static func run(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name + ".x12").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return try run(file: file, sourceLocation: sourceLocation)
    }

    /// Records an issue unless the validator reports `text` OK with no errors and an accepting 999.
    public static func expectAccepted(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        expect(try run(text, name: name, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
    }

    /// Records an issue unless the validator accepts the file at `path`.
    public static func expectAccepted(file path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        expect(try run(file: path, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
    }

    /// Records an issue unless the validator reports `text` OK with no validation error, for
    /// inbound files (835, 999, 277CA) whose 999 pyx12 may fail to write.
    public static func expectValid(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try run(text, name: name, sourceLocation: sourceLocation)
        #expect(!report.timedOut, "x12valid did not finish in \(Int(timeout)) s", sourceLocation: sourceLocation)
        #expect(report.reportsOK, "x12valid did not report OK:\n\(report.output)", sourceLocation: sourceLocation)
        #expect(report.validationErrorLines.isEmpty, "x12valid errors:\n\(report.validationErrorLines.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
    }

    private static func expect(_ report: Report, sourceLocation: SourceLocation) {
        #expect(!report.timedOut, "x12valid did not finish in \(Int(timeout)) s", sourceLocation: sourceLocation)
        #expect(report.reportsOK, "x12valid did not report OK:\n\(report.output)", sourceLocation: sourceLocation)
        #expect(report.errorLines.isEmpty, "x12valid errors:\n\(report.errorLines.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        #expect(report.acknowledgmentAccepts, "the 999 does not accept:\n\(report.acknowledgment ?? "(none)")",
                sourceLocation: sourceLocation)
    }
}
