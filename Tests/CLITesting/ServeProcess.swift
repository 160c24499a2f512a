import Foundation

/// A real `clinicsync serve` process on a loopback port, as an operator runs it: started with
/// the arguments given (`--store …` or `--postgres …`, `--port 0` for a free port), ready once it
/// says where it listens, stopped with SIGTERM by ``stop()``. Its output goes to files and every
/// wait is bounded: a server that never announces itself fails the start, never hangs it.
public final class ServeProcess: @unchecked Sendable {
    /// Where it listens (`http://127.0.0.1:PORT`).
    public let url: URL
    /// The running child.
    public let child: ChildProcess

    private init(url: URL, child: ChildProcess) {
        self.url = url
        self.child = child
    }

    /// Runs `clinicsync serve ARGUMENTS` in `folder` and waits (at most `timeout` seconds) until
    /// it listens; throws with what it printed when it exits or stays silent.
    public static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                             timeout: TimeInterval = 60) throws -> ServeProcess {
        let child = try Clinicsync.start(["serve"] + arguments, in: folder, environment: environment)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, child.isRunning {
            let log = child.stderrSoFar
            if let range = log.range(of: #"https?://[0-9.]+:[0-9]+"#, options: .regularExpression), let url = URL(string: String(log[range])) {
                return ServeProcess(url: url, child: child)
            }
            usleep(10_000)
        }
        throw ChildFailure(what: "serve did not start within \(Int(timeout)) s", exit: child.kill9())
    }

    /// Serves the SQLite central store at `store` with the admin token in `adminTokenFile`.
    public static func start(store: String, adminTokenFile: String, folder: URL) throws -> ServeProcess {
        try start(["--store", store, "--port", "0", "--admin-token-file", adminTokenFile], in: folder)
    }

    /// Stops it (SIGTERM, then SIGKILL after `timeout` seconds) and returns how it ended.
    @discardableResult
    public func stop(timeout: TimeInterval = 20) -> ChildProcess.Exit { child.terminate(timeout: timeout) }
}
