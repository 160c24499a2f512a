import NIOPosix

/// Runs CPU-heavy request work (JSON decoding and encoding, gzip) on NIO's blocking thread
/// pool, off the event loop.
enum Offload {
    /// Runs `work` on the shared thread pool and returns its result (or rethrows its error).
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
