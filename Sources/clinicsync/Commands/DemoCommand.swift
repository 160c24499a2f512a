import ArgumentParser
import Demo
import Foundation

/// `clinicsync demo`: the whole story on an embedded central node.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Two clinics, a central node, a conflict and its resolution, in one command.")
    @Option(help: "Where to keep the demo's stores (default: a new temporary folder).") var folder: String?

    func run() async throws {
        let target = folder.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-demo-\(UUID().uuidString.prefix(8))")
        let outcome = try await DemoStory(folder: target) { print($0) }.run()
        if !outcome.replicasAgree || !outcome.conflictsResolved { throw ExitCode(1) }
    }
}
