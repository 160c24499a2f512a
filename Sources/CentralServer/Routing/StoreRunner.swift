import ClinicStore
import NIOPosix

/// Runs the store's synchronous SQLite work on NIO's blocking thread pool, never on an event loop.
struct StoreRunner: Sendable {
    /// The central store.
    let store: LocalStore

    /// Runs `work` on the shared thread pool and returns its result (or rethrows its error).
    func run<T: Sendable>(_ work: @escaping @Sendable (LocalStore) throws -> T) async throws -> T {
        let store = self.store
        return try await NIOThreadPool.singleton.runIfActive { try work(store) }
    }
}
