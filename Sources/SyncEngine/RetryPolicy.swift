/// When a request to the central node is tried again (DESIGN §4; issue 22): a central node
/// whose storage is briefly unavailable — its PostgreSQL database restarting, its SQLite store
/// locked by a backup — answers 503, and a clinic rides that out instead of failing at once.
///
/// Rules:
/// - Only a 503 (`unavailable`) is tried again. Every request is safe to repeat: a push is keyed
///   by (site, sequence), so a batch the node committed before it failed to answer is
///   acknowledged again and changes nothing; a pull and every `GET` only read. Other answers
///   (a refusal, a bad token, a transport failure) are final for the request, as before.
/// - Attempt `n + 1` waits `baseDelay × 2ⁿ⁻¹`, at most `maxDelay`, scaled by the jitter the
///   caller draws (`0.5 ..< 1.0`: many clinics retrying together spread out).
/// - At most `maxAttempts` attempts in all; the last answer is then the error.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included (1 = no retry).
    public var maxAttempts: Int
    /// The wait before the second attempt.
    public var baseDelay: Duration
    /// The longest wait between two attempts.
    public var maxDelay: Duration

    /// A policy; `maxAttempts` below 1 counts as 1.
    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// What a clinic does by default: 6 attempts, waiting 0.5, 1, 2, 4, 8 s between them (each
    /// scaled by its jitter): at most 15.5 s in all, about as long as a PostgreSQL restart.
    public static let standard = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(500), maxDelay: .seconds(8))

    /// One attempt, no retry.
    public static let once = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero)

    /// The wait before attempt `attempt + 1` after attempt `attempt` failed with `error`, or
    /// `nil` when there is none (the error is final, or the attempts are spent). `jitter` is
    /// clamped to `0.5 ... 1.0`.
    public func delay(after attempt: Int, failure error: any Error, jitter: Double) -> Duration? {
        guard attempt >= 1, attempt < maxAttempts, Self.isRetryable(error) else { return nil }
        var wait = baseDelay
        for _ in 1..<attempt where wait < maxDelay { wait = wait * 2 }
        let scale = min(max(jitter, 0.5), 1.0)
        return min(wait, maxDelay) * scale
    }

    /// Whether an answer is worth another attempt: the central node said its storage is
    /// unavailable now (HTTP 503).
    public static func isRetryable(_ error: any Error) -> Bool {
        if case .server(let status, _)? = error as? SyncError { return status == 503 }
        return false
    }
}
