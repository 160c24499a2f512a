import CLITesting
import Foundation

/// `clinicsync serve` over a central store file as a child process, restartable on the same port.
final class ServerProcess: @unchecked Sendable {
    let store: String
    let adminTokenFile: String
    let folder: URL
    private(set) var port = 0
    private(set) var child: ChildProcess?

    /// The server's base URL (valid once started).
    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init(store: String, adminTokenFile: String, folder: URL) {
        self.store = store
        self.adminTokenFile = adminTokenFile
        self.folder = folder
    }

    /// Starts serving (on a free port the first time, then on the same port) and waits until it
    /// listens. `crashAt` arms a ``CrashPoint`` in the server process.
    func start(crashAt: String? = nil) throws {
        var environment: [String: String] = [:]
        if let crashAt { environment["CLINICSYNC_CRASH_AT"] = crashAt }
        var lastLog = ""
        for _ in 0..<50 {  // the old socket may linger for a moment after a kill
            let child = try Clinicsync.start(["serve", "--store", store, "--port", String(port),
                                              "--admin-token-file", adminTokenFile], in: folder, environment: environment)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, child.isRunning {
                let log = child.stderrSoFar
                if let range = log.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                    port = Int(log[range].split(separator: ":").last!)!
                    self.child = child
                    return
                }
                usleep(10_000)
            }
            lastLog = child.kill9().description
            usleep(100_000)
        }
        throw ChildFailure(what: "serve did not start", exit: .init(status: -1, killedBySignal: false, stdout: "", stderr: lastLog))
    }

    /// Whether the server process is still alive.
    var isRunning: Bool { child?.isRunning ?? false }

    /// Kills the server with SIGKILL (a crash), returning how it ended.
    @discardableResult
    func kill9() -> ChildProcess.Exit? {
        defer { child = nil }
        return child?.kill9()
    }

    /// Waits for a server that is expected to die by itself (an armed crash point).
    func waitForDeath(timeout: TimeInterval = 30) -> ChildProcess.Exit? {
        defer { child = nil }
        return child?.wait(timeout: timeout)
    }
}
