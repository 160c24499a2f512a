import CentralPostgres
import CentralServer
import ClinicStore
import Foundation
import Hummingbird
import Logging
import SyncEngine

/// A central node process as `serve` runs it: its own backend (for PostgreSQL, its own
/// connection pool; for SQLite, its own handle on the store file) and its own HTTP server on a
/// free loopback port. Several over one database stand for several `serve` processes.
final class CentralProcess: Sendable {
    let backend: any CentralBackend
    let url: URL
    private let task: Task<Void, any Error>
    private let close: @Sendable () async -> Void

    private init(backend: any CentralBackend, url: URL, task: Task<Void, any Error>, close: @escaping @Sendable () async -> Void) {
        self.backend = backend
        self.url = url
        self.task = task
        self.close = close
    }

    /// A process on the PostgreSQL schema of `configuration`.
    static func start(_ configuration: PostgresCentralConfiguration, clock: any StoreClock = SystemClock()) async throws -> CentralProcess {
        let backend = try await TestDatabase.backend(configuration, clock: clock)
        return try await serve(backend) { await backend.shutdown() }
    }

    /// A process on the SQLite central store at `path`.
    static func start(storeAt path: String, clock: any StoreClock = SystemClock()) async throws -> CentralProcess {
        try await serve(StoreBackend(store: try LocalStore.open(at: path, clock: clock))) {}
    }

    private static func serve(_ backend: any CentralBackend, close: @escaping @Sendable () async -> Void) async throws -> CentralProcess {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try buildApplication(backend: backend, configuration: CentralServerConfiguration(port: 0),
                                       logger: TestDatabase.logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            await close()
            throw CancellationError()
        }
        return CentralProcess(backend: backend, url: URL(string: "http://127.0.0.1:\(port)")!, task: task, close: close)
    }

    /// Stops serving and closes the backend.
    func stop() async {
        task.cancel()
        _ = try? await task.value
        await close()
    }

    /// A full sync of `store` through this process, with the store's token.
    @discardableResult
    func sync(_ store: LocalStore) async throws -> SyncSummary {
        let (_, token) = try store.remote()!
        return try await CentralClient.with(serverURL: url, token: token) {
            try await Synchronizer(store: store, client: $0).run()
        }
    }
}
