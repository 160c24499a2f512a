import ClinicStore
import Logging
import PostgresNIO
import SyncModel

/// One write transaction's view of the central node's state, taken under the write lock: the
/// log head (the next server sequence is `head + 1`), the node's hybrid logical clock and the
/// cursor its own changes observe. ``finish()`` stores the head and clock in the same transaction.
final class WriteContext {
    let connection: PostgresConnection
    let logger: Logger
    /// The central site id.
    let siteID: String
    /// The wall clock at the start of the transaction.
    let nowMillis: Int64
    /// Who made the transaction's own changes (`nil` for merges).
    let author: String?
    /// The last server sequence given out.
    private(set) var head: Int64
    /// The node's clock.
    var hlc: Int64
    /// The cursor the node's own changes carry as `observed`.
    var observed: Int64

    private init(connection: PostgresConnection, logger: Logger, siteID: String, nowMillis: Int64, author: String?,
                 head: Int64, hlc: Int64) {
        self.connection = connection
        self.logger = logger
        self.siteID = siteID
        self.nowMillis = nowMillis
        self.author = author
        self.head = head
        self.hlc = hlc
        self.observed = head
    }

    /// Takes the write lock and reads the node's state; ticks the clock as a local write does
    /// (`max(hlc + 1, now << 16)`).
    static func begin(_ connection: PostgresConnection, schema: String, siteID: String, nowMillis: Int64,
                      author: String? = nil, logger: Logger) async throws -> WriteContext {
        try await connection.run(CentralSchema.writeLock(schema: schema), logger: logger)
        guard let row = try await connection.rows("SELECT log_head, hlc FROM central_state", logger: logger).first else {
            throw StoreError.corrupt(path: "PostgreSQL schema \(schema)", detail: "missing central_state")
        }
        let (head, hlc) = try row.decode((Int64, Int64).self)
        return WriteContext(connection: connection, logger: logger, siteID: siteID, nowMillis: nowMillis, author: author,
                            head: head, hlc: max(hlc + 1, nowMillis << 16))
    }

    /// The next server sequence.
    func nextSeq() -> Int64 {
        head += 1
        return head
    }

    /// Stores the log head and the clock.
    func finish() async throws {
        try await connection.run("UPDATE central_state SET log_head = $1, hlc = $2", [.integer(head), .integer(hlc)],
                                 logger: logger)
    }

    /// Runs a statement in the transaction.
    func run(_ sql: String, _ arguments: [FieldValue] = []) async throws {
        try await connection.run(sql, arguments, logger: logger)
    }

    /// Rows of a query in the transaction.
    func rows(_ sql: String, _ arguments: [FieldValue] = []) async throws -> [PostgresRow] {
        try await connection.rows(sql, arguments, logger: logger)
    }
}
