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

    /// The built binary: $CLINICSYNC_BIN, else `clinicsync` next to the test bundle.
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

    /// Starts `serve --postgres databaseURL --port 0` and returns once it listens.
    static func start(databaseURL: String, adminTokenFile: String) async throws -> ServeProcess {
        let process = Process()
        process.executableURL = binary
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
