import PostgresNIO
import Synchronization

/// Tells the transactions running on a connection the moment that connection closes (a server
/// restart, a network cut), so their callers get an answer at once instead of waiting on a
/// statement that may never return.
final class ConnectionWatch: Sendable {
    private let entries = Mutex<[ObjectIdentifier: [UInt64: @Sendable () -> Void]]>([:])
    private let lastToken = Atomic<UInt64>(0)

    /// Calls `onLoss` if `connection` closes before ``unwatch(_:token:)``; returns the token.
    func watch(_ connection: PostgresConnection, onLoss: @escaping @Sendable () -> Void) -> UInt64 {
        let key = ObjectIdentifier(connection)
        let token = lastToken.add(1, ordering: .relaxed).newValue
        let isNew = entries.withLock { entries -> Bool in
            let isNew = entries[key] == nil
            entries[key, default: [:]][token] = onLoss
            return isNew
        }
        if isNew {
            connection.closeFuture.whenComplete { [weak self] _ in self?.closed(key) }
        }
        if connection.isClosed { closed(key) }
        return token
    }

    /// Stops watching for the transaction of `token`.
    func unwatch(_ connection: PostgresConnection, token: UInt64) {
        let key = ObjectIdentifier(connection)
        entries.withLock { entries in _ = entries[key]?.removeValue(forKey: token) }
    }

    private func closed(_ key: ObjectIdentifier) {
        let callbacks = entries.withLock { $0.removeValue(forKey: key) } ?? [:]
        for callback in callbacks.values { callback() }
    }
}
