import Foundation
import Testing

/// Runs pyx12's `x12valid` (the independent validator DESIGN §9 names) on exported text,
/// as Tests/ClaimExportTests does.
///
/// `x12valid FILE` writes `FILE: OK` on standard error for a clean file; its exit status
/// is 1 either way, so only the text counts. It also writes a 999 beside the file whose
/// `IK5*A` / `AK9*A` say the transaction set and group were accepted.
enum X12Validation {
    struct Report {
        let file: String
        let output: String
        let acknowledgment: String?

        var isAccepted: Bool {
            output.contains("\(file): OK") && !output.contains(" ERROR ")
                && (acknowledgment?.contains("IK5*A~") ?? false) && (acknowledgment?.contains("AK9*A*") ?? false)
        }
    }

    static func executable() -> URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("x12valid")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Validates the file at `path` (the 999 is written beside it).
    static func run(file path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Report {
        let tool = try #require(executable(), "x12valid (pyx12) is not on PATH: run scripts/test.sh",
                                sourceLocation: sourceLocation)
        let process = Process()
        process.executableURL = tool
        process.arguments = [path]
        process.currentDirectoryURL = URL(fileURLWithPath: path).deletingLastPathComponent()
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Report(file: path, output: String(decoding: data, as: UTF8.self),
                      acknowledgment: try? String(contentsOfFile: path + ".997", encoding: .utf8))
    }

    /// Writes `text` to a temporary file, validates it and records an issue unless accepted.
    static func expectAccepted(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name + ".x12").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let report = try run(file: file, sourceLocation: sourceLocation)
        #expect(report.isAccepted, "x12valid did not accept \(name):\n\(report.output)\n\(text)",
                sourceLocation: sourceLocation)
    }

    /// The elements of the first segment with this id (`ISA`, `GS`, `ST` ...).
    static func segment(_ id: String, in text: String) -> [String]? {
        text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { $0.hasPrefix(id + "*") }?.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
    }

    /// Every segment with this id.
    static func segments(_ id: String, in text: String) -> [[String]] {
        text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.hasPrefix(id + "*") }.map { $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
    }
}
