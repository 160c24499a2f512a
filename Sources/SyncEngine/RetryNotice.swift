import Foundation

/// A request that will be tried again (``RetryPolicy``), for the person watching: what the
/// central node said, how long the client waits, and which attempt comes next. Carries the
/// node's message (never a token or row content).
public struct RetryNotice: Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status that is tried again (503).
    public var status: Int
    /// The central node's message, as it gave it.
    public var message: String
    /// The wait before the next attempt.
    public var delay: Duration
    /// The attempt that comes next, from 2.
    public var nextAttempt: Int
    /// Attempts in all.
    public var maxAttempts: Int

    /// A notice from its parts.
    public init(status: Int, message: String, delay: Duration, nextAttempt: Int, maxAttempts: Int) {
        self.status = status
        self.message = message
        self.delay = delay
        self.nextAttempt = nextAttempt
        self.maxAttempts = maxAttempts
    }

    /// One line: "the central node is unavailable (HTTP 503: …); retrying in 1.0 s (attempt 2 of 6)".
    public var description: String {
        let millis = delay.components.seconds * 1_000 + delay.components.attoseconds / 1_000_000_000_000_000
        let seconds = Double(millis) / 1_000
        let wait = seconds.formatted(.number.precision(.fractionLength(1)))
        return "the central node is unavailable (HTTP \(status): \(message)); retrying in \(wait) s "
            + "(attempt \(nextAttempt) of \(maxAttempts))"
    }
}
