import CLITesting
import Foundation
import Synchronization

/// A real `clinicsync serve --postgres URL` process on a free loopback port, as an operator
/// runs it; stopped (SIGTERM) by ``stop()``.
final class ServeProcess: Sendable {
    let url: URL
    private let process: Process

    private init(url: URL, process: Process) {
        self.url = url
        self.process = process
    }

    /// Starts `serve --postgres databaseURL --port 0` and returns once it listens.
    static func start(databaseURL: String, adminTokenFile: String) async throws -> ServeProcess {
        let process = Process()
        process.executableURL = Clinicsync.binary
        process.arguments = ["serve", "--postgres", databaseURL, "--port", "0", "--admin-token-file", adminTokenFile]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let announced = Mutex<String>("")
        let (ports, continuation) = AsyncStream<URL?>.makeStream()
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                continuation.yield(nil)
                continuation.finish()
                handle.readabilityHandler = nil
                return
            }
            let text = announced.withLock { text in
                text += String(decoding: data, as: UTF8.self)
                return text
            }
            if let range = text.range(of: #"listening on (http://[0-9.]+:[0-9]+)"#, options: .regularExpression) {
                let found = text[range].replacingOccurrences(of: "listening on ", with: "")
                continuation.yield(URL(string: found))
                continuation.finish()
            }
        }
        try process.run()
        var iterator = ports.makeAsyncIterator()
        guard let url = await iterator.next() ?? nil else {
            process.terminate()
            throw StartFailed(output: announced.withLock { $0 })
        }
        return ServeProcess(url: url, process: process)
    }

    /// Stops the process and waits for it.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    struct StartFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { "serve did not start: \(output)" }
    }
}
