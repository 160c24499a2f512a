import CentralServer
import ClinicStore
import Foundation
import Logging

/// A central node running in this process on a free loopback port: for `clinicsync demo`
/// and end-to-end tests.
public final class LoopbackCentral: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let url: URL
    private let task: Task<Void, any Error>

    private init(url: URL, task: Task<Void, any Error>) {
        self.url = url
        self.task = task
    }

    /// Starts serving `store` (a central store) and returns once the port is bound.
    public static func start(store: LocalStore, adminToken: String? = nil,
                             logger: Logger = Logger(label: "clinicsync.central")) async throws -> LoopbackCentral {
        guard store.identity.role == .central else { throw CentralServerError.notACentralStore(path: store.path) }
        return try await start(backend: StoreBackend(store: store), adminToken: adminToken, logger: logger)
    }

    /// Starts serving any central backend (the SQLite store's, or PostgreSQL's) and returns
    /// once the port is bound. The caller keeps the backend and shuts it down after ``stop()``.
    public static func start(backend: any CentralBackend, adminToken: String? = nil,
                             logger: Logger = Logger(label: "clinicsync.central")) async throws -> LoopbackCentral {
        var configuration = CentralServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.adminToken = adminToken
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try buildApplication(backend: backend, configuration: configuration, logger: logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw CancellationError()
        }
        return LoopbackCentral(url: URL(string: "http://127.0.0.1:\(port)")!, task: task)
    }

    /// Stops serving and waits for the server to close.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
