import CentralServer
import Logging
import PostgresNIO
import Synchronization

/// The one door to the connection pool: a transaction on a leased connection, with a bound on
/// how long to wait for the lease and every failure translated (``PostgresFailure``).
///
/// The wait for a connection is cut at `leaseTimeout` (PostgreSQL down or every connection
/// busy); once a connection is leased, the transaction runs to its end, bounded by the
/// server-side `statement_timeout` and `lock_timeout`, so a connection never goes back to the
/// pool in the middle of a transaction.
struct Gateway: Sendable {
    let client: PostgresClient
    let leaseTimeout: Duration
    let logger: Logger

    /// Runs `body` in one transaction (`BEGIN` … `COMMIT`, or `ROLLBACK` when it throws).
    /// Returns only once the commit succeeded.
    func transaction<T: Sendable>(readOnly: Bool = false, isolation: String = "READ COMMITTED",
                                  _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        let race = LeaseRace()
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        guard race.claim(.leased) else { throw CentralStorageUnavailable(reason: "no database connection within the lease timeout") }
                        return try await Self.run(on: connection, readOnly: readOnly, isolation: isolation, logger: logger, body)
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: leaseTimeout)
                    if race.claim(.expired) { throw CentralStorageUnavailable(reason: "no database connection within the lease timeout") }
                    return nil
                }
                while let result = try await group.next() {
                    if let value = result {
                        group.cancelAll()
                        return value
                    }
                }
                throw CentralStorageUnavailable(reason: "the database request ended without an answer")
            }
        } catch {
            throw PostgresFailure.translate(error)
        }
    }

    private static func run<T>(on connection: PostgresConnection, readOnly: Bool, isolation: String, logger: Logger,
                               _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let begin = "BEGIN ISOLATION LEVEL \(isolation)" + (readOnly ? " READ ONLY" : "")
        try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
        let value: T
        do {
            value = try await body(connection)
        } catch {
            // A broken connection fails this too; the pool drops it either way.
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return value
    }

}

/// Who won between a connection lease and its timeout: the first to claim it.
private final class LeaseRace: Sendable {
    enum State { case waiting, leased, expired }
    private let state = Mutex(State.waiting)

    /// Moves from waiting to `outcome`; false when the other side was first.
    func claim(_ outcome: State) -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = outcome
            return true
        }
    }
}
