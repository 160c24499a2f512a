import CentralServer
import Logging
import PostgresNIO
import Synchronization

/// The one door to the connection pool: a transaction on a leased connection, with bounds on
/// how long to wait for the lease and for the whole transaction, and every failure translated
/// (``PostgresFailure``). A transaction whose connection closes is answered at once
/// (``ConnectionWatch``).
///
/// The wait for a connection is cut at `leaseTimeout` (PostgreSQL down, or every connection
/// busy). Once leased, the transaction normally ends by the server-side `statement_timeout` and
/// `lock_timeout`; `transactionTimeout` is the last guard against a connection that died
/// without a word. A caller given up on gets ``CentralServer/CentralStorageUnavailable``; the
/// abandoned work ends on its own (its connection is closed or the server rolls it back).
struct Gateway: Sendable {
    let client: PostgresClient
    let leaseTimeout: Duration
    let transactionTimeout: Duration
    let watch: ConnectionWatch
    let logger: Logger

    /// Runs `body` in one transaction (`BEGIN` … `COMMIT`, or `ROLLBACK` when it throws).
    /// Returns only once the commit succeeded.
    func transaction<T: Sendable>(readOnly: Bool = false, isolation: String = "READ COMMITTED",
                                  _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger, client = self.client, watch = self.watch
        let lease = LeaseRace()
        let answer = Answer<T>()
        let operation = Task {
            try await client.withConnection { connection in
                guard lease.claim(.leased) else { throw Self.noConnection }
                let token = watch.watch(connection) { answer.give(.failure(Self.connectionLost)) }
                defer { watch.unwatch(connection, token: token) }
                return try await Self.run(on: connection, readOnly: readOnly, isolation: isolation, logger: logger, body)
            }
        }
        let watchdog = Task { [leaseTimeout, transactionTimeout] in
            try await Task.sleep(for: leaseTimeout)
            if lease.claim(.expired) {
                answer.give(.failure(Self.noConnection))
                operation.cancel()
                return
            }
            try await Task.sleep(for: transactionTimeout)
            answer.give(.failure(CentralStorageUnavailable(reason: "the database did not answer within the transaction timeout")))
        }
        Task {
            let result = await operation.result
            watchdog.cancel()
            answer.give(result)
        }
        do {
            let value = try await answer.value()
            return value
        } catch {
            throw PostgresFailure.translate(error)
        }
    }

    static let noConnection = CentralStorageUnavailable(reason: "no database connection within the lease timeout")
    static let connectionLost = CentralStorageUnavailable(reason: "the database connection was lost")

    private static func run<T>(on connection: PostgresConnection, readOnly: Bool, isolation: String, logger: Logger,
                               _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let begin = "BEGIN ISOLATION LEVEL \(isolation)" + (readOnly ? " READ ONLY" : "")
        try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
        let value: T
        do {
            value = try await body(connection)
        } catch {
            // On a lost connection there is nothing to roll back (the server already has), and
            // asking could wait for ever; the pool drops the connection.
            if PostgresFailure.leavesConnectionUsable(error) {
                _ = try? await connection.query("ROLLBACK", logger: logger)
            }
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

/// The first result given for a transaction (its own, or a timeout), handed to the one caller.
private final class Answer<T: Sendable>: Sendable {
    private enum State {
        case waiting(CheckedContinuation<T, any Error>?)
        case given(Result<T, any Error>)
        case taken
    }

    private let state = Mutex(State.waiting(nil))

    /// Gives the result unless one was given already.
    func give(_ result: Result<T, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard case .waiting(let continuation) = state else { return nil }
            if let continuation {
                state = .taken
                return continuation
            }
            state = .given(result)
            return nil
        }
        waiter?.resume(with: result)
    }

    /// Waits for the result.
    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<T, any Error>? in
                if case .given(let result) = state {
                    state = .taken
                    return result
                }
                state = .waiting(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
