import Foundation
import Synchronization

/// The wall clock the store reads, injected so tests and simulations control time.
public protocol StoreClock: Sendable {
    /// Milliseconds since 1970-01-01 UTC.
    func nowMillis() -> Int64
}

/// The real clock.
public struct SystemClock: StoreClock {
    /// The machine's clock; the default for stores opened by the CLI and the server.
    public init() {}
    /// The system time in milliseconds since 1970-01-01 UTC, rounded down.
    public func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// A clock that only moves when told to: for tests and the demo's scripted story.
public final class ManualClock: StoreClock {
    private let millis: Mutex<Int64>

    /// Starts at `millis` since 1970.
    public init(millis: Int64) { self.millis = Mutex(millis) }

    /// The current manual time in milliseconds since 1970; unchanged until ``advance(byMillis:)``.
    public func nowMillis() -> Int64 { millis.withLock { $0 } }

    /// Moves the clock forward (or back, to simulate a skewed machine).
    public func advance(byMillis delta: Int64) { millis.withLock { $0 += delta } }
}
