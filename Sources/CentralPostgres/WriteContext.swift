import ClinicStore
import Foundation
import Logging
import PostgresNIO
import SyncModel

/// One write transaction's view of the central node's state, taken under the write lock: the
/// log head (the next server sequence is `head + 1`), the node's hybrid logical clock and the
/// cursor its own changes observe. ``finish()`` stores the head and clock in the same transaction.
final class WriteContext {
    /// The transaction's connection. Statements sent on it directly bypass the queued row inserts:
    /// use ``run(_:_:)`` and ``rows(_:_:)``, or call ``flushPendingRows()`` first.
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
    /// Log entries not yet sent: written in multi-row inserts before anything reads the log.
    private var pendingLog: [(arguments: [FieldValue], applied: Bool)] = []
    /// Row inserts not yet sent, by table and column list, in first-seen order: written in
    /// multi-row inserts before any other statement of the transaction runs (the central schema
    /// has no foreign keys or triggers, so rows of different tables may go in any order).
    private var pendingRows: [(table: String, columns: [String], rows: [[FieldValue]])] = []

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
        try await flushRows()
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

    /// Queues one row insert (`columns` include `id`; `arguments` are bound values in that order).
    /// It is sent, with the others of its table and columns, before the transaction's next
    /// statement (``run(_:_:)``, ``rows(_:_:)``) or at ``finish()``.
    func queueInsert(into table: String, columns: [String], arguments: [FieldValue]) async throws {
        if let index = pendingRows.firstIndex(where: { $0.table == table && $0.columns == columns }) {
            pendingRows[index].rows.append(arguments)
            if pendingRows[index].rows.count >= Self.logChunk { try await flushRows() }
        } else {
            pendingRows.append((table, columns, [arguments]))
        }
    }

    /// Sends the queued row inserts: call before reading synced rows through ``connection`` directly.
    func flushPendingRows() async throws { try await flushRows() }

    /// Sends the queued row inserts, one multi-row insert per table and column list (at most
    /// ``logChunk`` rows each).
    private func flushRows() async throws {
        guard !pendingRows.isEmpty else { return }
        let groups = pendingRows
        pendingRows = []
        for group in groups {
            for start in stride(from: 0, to: group.rows.count, by: Self.logChunk) {
                var arguments: [FieldValue] = []
                var tuples: [String] = []
                for row in group.rows[start..<min(start + Self.logChunk, group.rows.count)] {
                    let base = arguments.count
                    tuples.append("(" + (1...row.count).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
                    arguments += row
                }
                try await connection.run("INSERT INTO \(group.table) (\(group.columns.joined(separator: ", "))) VALUES "
                                         + tuples.joined(separator: ", "), arguments, logger: logger)
            }
        }
    }

    /// Learns in one query per table which of the rows a batch names exist, and their owners,
    /// so ``owner(of:row:)`` answers them without a round trip each.
    func prefetchOwners(_ rows: [(table: String, id: String)]) async throws {
        var wanted: [String: Set<String>] = [:]
        for (table, id) in rows where owners[RowKey(table: table, id: id)] == nil {
            wanted[table, default: []].insert(id)
        }
        for (table, ids) in wanted.sorted(by: { $0.key < $1.key }) {
            let list = String(decoding: try JSONEncoder().encode(ids.sorted()), as: UTF8.self)
            let found = try await self.rows("""
                SELECT id, owner FROM \(table) WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))
                """, [.text(list)])
            var known: [String: String] = [:]
            for row in found {
                let (id, owner) = try row.decode((String, String).self)
                known[id] = owner
            }
            for id in ids { owners[RowKey(table: table, id: id)] = .some(known[id]) }
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

    /// Runs a statement in the transaction (after the queued row inserts).
    func run(_ sql: String, _ arguments: [FieldValue] = []) async throws {
        try await flushRows()
        try await connection.run(sql, arguments, logger: logger)
    }

    /// Rows of a query in the transaction (after the queued row inserts).
    func rows(_ sql: String, _ arguments: [FieldValue] = []) async throws -> [PostgresRow] {
        try await flushRows()
        return try await connection.rows(sql, arguments, logger: logger)
    }
}
