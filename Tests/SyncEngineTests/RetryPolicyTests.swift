import SyncModel
import Testing
@testable import SyncEngine

/// A 503 from the central node is waited out, with backoff and a bound (issue 22); nothing
/// else is tried again.
@Suite struct RetryPolicyTests {
    static let unavailable = SyncError.server(status: 503, body: ErrorBody(error: "unavailable", message: "database restarting"))

    @Test(arguments: [
        // attempt that failed, jitter, expected wait before the next one (ms); nil: give up
        (1, 1.0, Int64?(500)), (2, 1.0, 1_000), (3, 1.0, 2_000), (4, 1.0, 4_000), (5, 1.0, 8_000),
        (6, 1.0, nil),                     // six attempts in all
        (1, 0.5, 250), (5, 0.5, 4_000),    // jitter scales the wait down to half
        (1, 0.0, 250), (1, 7.0, 500),      // jitter outside 0.5 ... 1.0 is clamped
        (0, 1.0, nil),                     // no attempt made yet: nothing to wait for
    ])
    func theStandardPolicyBacksOffAndStops(_ attempt: Int, _ jitter: Double, _ millis: Int64?) {
        let wait = RetryPolicy.standard.delay(after: attempt, failure: Self.unavailable, jitter: jitter)
        #expect(wait == millis.map { Duration.milliseconds($0) })
    }

    @Test func theWaitNeverPassesTheLongestDelay() {
        let policy = RetryPolicy(maxAttempts: 20, baseDelay: .seconds(1), maxDelay: .seconds(5))
        let waits = (1..<20).compactMap { policy.delay(after: $0, failure: Self.unavailable, jitter: 1) }
        #expect(waits.count == 19)
        #expect(Array(waits.prefix(4)) == [Duration.seconds(1), .seconds(2), .seconds(4), .seconds(5)])
        #expect(waits.allSatisfy { $0 <= .seconds(5) })
        let total = waits.reduce(Duration.zero, +)
        #expect(total == Duration.seconds(1 + 2 + 4 + 5 * 16), "bounded: \(total)")
    }

    @Test(arguments: [
        SyncError.server(status: 500, body: ErrorBody(error: .internalError, message: "bug")),
        .server(status: 401, body: ErrorBody(error: .unauthorized, message: "revoked")),
        .server(status: 422, body: ErrorBody(error: .clockSkew, message: "ahead")),
        .unexpectedResponse(status: 503, detail: "<html>proxy</html>"),
        .transport("connection refused"),
        .noRemote,
    ])
    func onlyTheNodesOwn503IsTriedAgain(_ error: SyncError) {
        #expect(RetryPolicy.standard.delay(after: 1, failure: error, jitter: 1) == nil)
        #expect(!RetryPolicy.isRetryable(error))
    }

    @Test func onceNeverRetries() {
        #expect(RetryPolicy.once.delay(after: 1, failure: Self.unavailable, jitter: 1) == nil)
        #expect(RetryPolicy(maxAttempts: 0, baseDelay: .seconds(1), maxDelay: .seconds(1)).maxAttempts == 1)
    }

    @Test func theNoticeSaysWhatTheNodeSaidAndWhatComesNext() {
        let notice = RetryNotice(status: 503, message: "the central database is unavailable; retry shortly",
                                 delay: .milliseconds(1_500), nextAttempt: 2, maxAttempts: 6)
        #expect(notice.description == "the central node is unavailable (HTTP 503: the central database is unavailable; "
                + "retry shortly); retrying in 1.5 s (attempt 2 of 6)")
    }
}
