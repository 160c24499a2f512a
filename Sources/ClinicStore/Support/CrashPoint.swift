import Foundation
import Synchronization

/// A named point of a sync where the crash tests kill the process (DESIGN §8: a client or a
/// server killed with `kill -9` at any point resumes with nothing lost and nothing applied twice).
///
/// Inactive unless the environment variable `CLINICSYNC_CRASH_AT` names a point, as
/// `client-after-push-reply` (the first arrival) or `client-after-push-reply:2` (the second).
/// On that arrival the process writes `clinicsync: crash point NAME` to stderr and sends itself
/// `SIGKILL`: no cleanup, no flush, no rollback, as a power cut would leave it. When the variable is unset a call costs one comparison.
public enum CrashPoint: String, CaseIterable, Sendable {
    /// Client: the central node committed a pushed batch and replied; the reply is not stored yet.
    case clientAfterPushReply = "client-after-push-reply"
    /// Client: inside the transaction that stores a push reply, before its commit.
    case clientMidPushRecord = "client-mid-push-record"
    /// Central node: inside the transaction that applies a pushed batch, before its commit.
    case serverMidPush = "server-mid-push"
    /// Central node: a pushed batch is committed; the reply is not sent yet.
    case serverAfterPushCommit = "server-after-push-commit"
    /// Client: inside the transaction that applies a pulled page, before its commit.
    case clientMidPullApply = "client-mid-pull-apply"
    /// Client: a pulled page and its cursor are committed; the next step has not started.
    case clientAfterPullCommit = "client-after-pull-commit"
    /// Client: inside the transaction that re-stamps changes made with a clock that ran ahead.
    case clientMidRestamp = "client-mid-restamp"

    /// The line's start written to stderr (unbuffered) just before the process kills itself.
    public static let marker = "clinicsync: crash point"

    /// The environment variable that arms one point.
    public static let environmentVariable = "CLINICSYNC_CRASH_AT"

    /// Kills this process with `SIGKILL` when this is the armed point and its armed arrival.
    public func reached() {
        guard let armed = Self.armed, armed.point == self else { return }
        if Self.arrivals.add(1, ordering: .relaxed).newValue == armed.arrival {
            // The marker lets a test tell this death from a hang the harness ended, or a crash.
            let marker = "\(Self.marker) \(rawValue)\n"
            marker.utf8CString.withUnsafeBufferPointer { _ = write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
            kill(getpid(), SIGKILL)
        }
    }

    /// The armed point and on which arrival it fires, read once from the environment.
    private static let armed: (point: CrashPoint, arrival: Int)? = {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard let point = CrashPoint(rawValue: parts[0]) else { return nil }
        return (point, parts.count > 1 ? max(1, Int(parts[1]) ?? 1) : 1)
    }()

    private static let arrivals = Atomic<Int>(0)
}
