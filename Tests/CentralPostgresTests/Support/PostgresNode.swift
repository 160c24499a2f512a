import CentralPostgres
import CentralServer
import ClinicStore
import Foundation
import Hummingbird
import Logging
import SyncEngine

/// A central node process, as `serve --postgres` runs it: its own PostgreSQL backend (its own
/// connection pool) and its own HTTP server on a free loopback port. Several over one schema
/// stand for several `serve` processes behind a load balancer.
final class PostgresNode: Sendable {
    let backend: PostgresCentral
    let url: URL
    private let task: Task<Void, any Error>

    private init(backend: PostgresCentral, url: URL, task: Task<Void, any Error>) {
        self.backend = backend
        self.url = url
        self.task = task
    }

    /// Starts a node on `configuration` (a schema several nodes may share).
    static func start(_ configuration: PostgresCentralConfiguration, adminToken: String? = nil,
                      clock: any StoreClock = SystemClock()) async throws -> PostgresNode {
        let backend = try await TestDatabase.backend(configuration, clock: clock)
        var server = CentralServerConfiguration(port: 0)
        server.adminToken = adminToken
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try buildApplication(backend: backend, configuration: server, logger: TestDatabase.logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            await backend.shutdown()
            throw CancellationError()
        }
        return PostgresNode(backend: backend, url: URL(string: "http://127.0.0.1:\(port)")!, task: task)
    }

    /// Stops serving and closes the pool.
    func stop() async {
        task.cancel()
        _ = try? await task.value
        await backend.shutdown()
    }

    /// A full sync of `store` through this node, with the store's token.
    @discardableResult
    func sync(_ store: LocalStore) async throws -> SyncSummary {
        let (_, token) = try store.remote()!
        return try await CentralClient.with(serverURL: url, token: token) {
            try await Synchronizer(store: store, client: $0).run()
        }
    }
}
