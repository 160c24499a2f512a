import ClinicStore
import SyncModel

/// The push replies a sync records while its next batch is in flight: one at a time and in
/// order, each in its own transaction, as ``LocalStore/recordPush(_:)`` does it.
///
/// A crash before a reply is recorded leaves that batch in the outbox; the next sync sends it
/// again and the central node, which knows it, changes nothing.
struct ReplyRecording {
    private var pending: Task<Void, any Error>?
    /// The log sequence the central node has processed through, by the last reply taken:
    /// what `pushed_seq` says once that reply is recorded.
    private(set) var acknowledged: Int64?

    /// Waits until every reply taken is recorded; rethrows a recording's error.
    mutating func settle() async throws {
        guard let recording = pending else { return }
        pending = nil
        try await recording.value
    }

    /// Starts recording `response` once the reply before it is recorded.
    mutating func record(_ response: PushResponse, in store: LocalStore) async throws {
        try await settle()
        acknowledged = response.highestAppliedSeq
        pending = Task { try await StoreWork.run { try store.recordPush(response) } }
    }
}
