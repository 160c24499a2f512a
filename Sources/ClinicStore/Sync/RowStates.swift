import GRDB
import SyncModel

/// The merge's view of a row: each field's current value with the version that wrote it,
/// read from the row and its applied `change_log` entries (SyncModel's ``RowVersions`` rule).
enum RowStates {
    /// Field states of one row; empty when the row does not exist here.
    static func load(_ db: Database, table: String, row id: String, centralLog: Bool) throws -> [String: FieldState] {
        guard let values = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [id]) else {
            return [:]
        }
        var versions = RowVersions()
        let entries = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT seq, field, hlc, site, site_seq, observed, server_seq FROM change_log
            WHERE row_id = ? AND tbl = ? AND applied = 1 ORDER BY seq
            """), arguments: [id, table])
        while let entry = try entries.next() {
            // By position (the SELECT's order): by name costs a search per column.
            let seq: Int64 = entry[0]
            versions.add(field: entry[1], version: Version(hlc: HLC(bitPattern: entry[2]), site: entry[3], seq: entry[4] ?? seq),
                         serverSeq: centralLog ? seq : entry[6] as Int64?, observed: entry[5])
        }
        var states: [String: FieldState] = [:]
        for (index, column) in values.columnNames.enumerated() where column != "id" {
            states[column] = versions.state(of: column, value: FieldValue(values[index] as DatabaseValue))
        }
        return states
    }
}

/// ``ApplyFacts`` read from this store with cached statements, as the planner asks: the state
/// before the batch (the plan is executed only once the whole batch is planned).
struct StoreFacts: ApplyFacts {
    let db: Database
    /// Whether this store is the central node (its log sequence is the server sequence).
    let central: Bool
    private var owners: [String: Statement] = [:]

    init(_ db: Database, central: Bool) {
        self.db = db
        self.central = central
    }

    func progress(of site: String) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT max_seq FROM site_progress WHERE site = ?"), arguments: [site]) ?? 0
    }

    mutating func owner(of row: PushScreen.RowKey) throws -> String? {
        let statement = try owners[row.table] ?? db.cachedStatement(sql: "SELECT owner FROM \(row.table) WHERE id = ?")
        owners[row.table] = statement
        return try StatementBinding.text(statement, [row.id.databaseValue], in: db)
    }

    func states(of row: PushScreen.RowKey) throws -> [String: FieldState] {
        try RowStates.load(db, table: row.table, row: row.id, centralLog: central)
    }

    func loggedSeq(of change: ChangeKey) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM change_log WHERE site = ? AND site_seq = ?"),
                           arguments: [change.site, change.seq])
    }
}
