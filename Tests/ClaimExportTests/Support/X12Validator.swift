import Foundation
import Testing

/// Runs pyx12's `x12valid` (the independent validator DESIGN §9 names) on exported text.
///
/// `x12valid FILE` writes its verdict to standard error: `FILE: OK` for a clean file, or
/// `ERROR` log lines followed by `FILE: Failure`. Its exit status is 1 either way, so only
/// the text counts. It also writes a 999 acknowledgment beside the file (`FILE.997`), whose
/// `IK5*A` / `AK9*A` say the transaction set and group were accepted.
enum X12Validator {
    /// What one run said.
    struct Report {
        let file: String
        /// Standard output and error together.
        let output: String
        /// The 999 written beside the file, when there was one.
        let acknowledgment: String?

        var reportsOK: Bool { output.contains("\(file): OK") }
        var errorLines: [String] {
            output.split(separator: "\n").map(String.init).filter { $0.contains(" ERROR ") || $0.contains("Failure") }
        }
        var acknowledgmentAccepts: Bool {
            guard let acknowledgment else { return false }
            return acknowledgment.contains("IK5*A~") && acknowledgment.contains("AK9*A*")
        }
    }

    /// `x12valid` found on `PATH`, or `nil`.
    static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("x12valid")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Writes `text` to a temporary file named `name`, validates it and cleans up.
    static func run(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Report {
        let tool = try #require(executable(), """
            x12valid (pyx12) is not on PATH: run scripts/test.sh, which installs it (pip install pyx12)
            """, sourceLocation: sourceLocation)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimexport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name + ".x12")
        try Data(text.utf8).write(to: file)

        let process = Process()
        process.executableURL = tool
        process.arguments = [file.path]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let acknowledgment = try? String(contentsOf: URL(fileURLWithPath: file.path + ".997"), encoding: .utf8)
        return Report(file: file.path, output: String(decoding: data, as: UTF8.self), acknowledgment: acknowledgment)
    }

    /// Records an issue unless the validator reports `text` OK with no errors and an
    /// accepting 999.
    static func expectValid(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try run(text, name: name, sourceLocation: sourceLocation)
        #expect(report.reportsOK, "x12valid did not report OK:\n\(report.output)\n\(text)", sourceLocation: sourceLocation)
        #expect(report.errorLines.isEmpty, "x12valid errors:\n\(report.errorLines.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        #expect(report.acknowledgmentAccepts, "999 does not accept:\n\(report.acknowledgment ?? "(none)")",
                sourceLocation: sourceLocation)
    }
}
