import Dispatch

/// Runs a store's synchronous work (SQLite reads and writes, encoding) on a dispatch queue,
/// off Swift's cooperative thread pool.
///
/// That pool has a thread per core; a batch read or a page applied there holds one for tens
/// of milliseconds, and on a two-core machine two such jobs leave nothing for the tasks that
/// keep a sync moving: the HTTP client's replies, and — when the central node runs in the
/// same process, as in tests and the benchmark — the server's request handlers.
enum StoreWork {
    /// The result of `work`, run on a global queue; its error is rethrown.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
