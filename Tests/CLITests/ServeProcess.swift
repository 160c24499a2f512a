import CLITesting
import Foundation

/// `clinicsync serve` as a child process on a free loopback port.
final class ServeProcess {
    let process = Process()
    let url: URL

    /// Starts serving `store` and waits until it says where it listens.
    init(store: String, adminTokenFile: String, folder: URL) throws {
        process.executableURL = Clinicsync.binary
        process.arguments = ["serve", "--store", store, "--port", "0", "--admin-token-file", adminTokenFile]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                url = URL(string: String(seen[range]))!
                return
            }
        }
        process.terminate()
        throw CLIRunner.Failure(arguments: ["serve"], result: .init(status: -1, stdout: "", stderr: seen))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
