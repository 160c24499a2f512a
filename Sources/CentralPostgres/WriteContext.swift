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
    /// What this transaction already knows of synced rows: owner by table and id, `nil` inside
    /// when the row does not exist. Saves a round trip per change of a batch of new rows.
    private var owners: [RowKey: String?] = [:]
    /// The lifecycle state of claims whose lines arrive together (dropped when the claim changes).
    var lifecycles: [String: FieldState?] = [:]
    /// Log entries not yet sent: written in multi-row inserts before anything reads the log.
    private var pendingLog: [(arguments: [FieldValue], applied: Bool)] = []

    struct RowKey: Hashable {
        var table: String
        var id: String
    }

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

    /// Queues one `change_log` row (the values of ``LogEntry/insertColumns``).
    func queueLog(_ arguments: [FieldValue], applied: Bool) async throws {
        pendingLog.append((arguments, applied))
        if pendingLog.count >= Self.logChunk { try await flushLog() }
    }

    /// The most log rows in one insert (16 parameters each, well under PostgreSQL's 65,535).
    static let logChunk = 500

    /// Sends the queued log rows; call before reading `change_log` in this transaction.
    func flushLog() async throws {
        guard !pendingLog.isEmpty else { return }
        let entries = pendingLog
        pendingLog = []
        for start in stride(from: 0, to: entries.count, by: Self.logChunk) {
            var arguments: [FieldValue] = []
            var tuples: [String] = []
            for entry in entries[start..<min(start + Self.logChunk, entries.count)] {
                let base = arguments.count
                let placeholders = (1...entry.arguments.count).map { "$\(base + $0)" }.joined(separator: ", ")
                tuples.append("(\(placeholders), \(entry.applied))")
                arguments += entry.arguments
            }
            try await run("INSERT INTO change_log (\(LogEntry.insertColumns)) VALUES \(tuples.joined(separator: ", "))",
                          arguments)
        }
    }

    /// Sends the queued log rows and stores the log head and the clock.
    func finish() async throws {
        try await flushLog()
        try await connection.run("UPDATE central_state SET log_head = $1, hlc = $2", [.integer(head), .integer(hlc)],
                                 logger: logger)
    }

    /// The owner of a synced row (`nil` when it does not exist), remembered for the transaction.
    func owner(of table: String, row id: String) async throws -> String? {
        let key = RowKey(table: table, id: id)
        if let known = owners[key] { return known }
        let owner = try await rows("SELECT owner FROM \(table) WHERE id = $1", [.text(id)]).first.map { try $0.decode(String.self) }
        owners[key] = .some(owner)
        return owner
    }

    /// Records that this transaction inserted a row.
    func inserted(_ table: String, row id: String, owner: String) {
        owners[RowKey(table: table, id: id)] = .some(owner)
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
