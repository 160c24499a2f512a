import GRDB
import SyncModel

/// The merge's view of a row: each field's current value with the version that wrote it,
/// read from the row and its applied `change_log` entries (the latest applied entry for a
/// field — or the row insert — is its current version).
enum RowStates {
    /// Field states of one row; empty when the row does not exist here.
    static func load(_ db: Database, table: String, row id: String, centralLog: Bool) throws -> [String: FieldState] {
        guard let values = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [id]) else {
            return [:]
        }
        var versions: [String: (Version, Int64?, Int64)] = [:]
        var insertVersion: (Version, Int64?, Int64)?
        let entries = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT seq, field, hlc, site, site_seq, observed, server_seq FROM change_log
            WHERE row_id = ? AND tbl = ? AND applied = 1 ORDER BY seq
            """), arguments: [id, table])
        while let entry = try entries.next() {
            // By position (the SELECT's order): by name costs a search per column.
            let seq: Int64 = entry[0]
            let version = Version(hlc: HLC(bitPattern: entry[2]), site: entry[3], seq: entry[4] ?? seq)
            let meta = (version, centralLog ? seq : entry[6] as Int64?, entry[5] as Int64)
            let field: String = entry[1]
            if field == SyncSchema.rowInsertField {
                insertVersion = meta
                versions = [:]
            } else {
                versions[field] = meta
            }
        }
        var states: [String: FieldState] = [:]
        for (index, column) in values.columnNames.enumerated() where column != "id" {
            guard let (version, serverSeq, observed) = versions[column] ?? insertVersion else { continue }
            states[column] = FieldState(value: FieldValue(values[index] as DatabaseValue), version: version,
                                        serverSeq: serverSeq, observed: observed)
        }
        return states
    }

    /// One field's state, as ``load(_:table:row:centralLog:)`` would give it, reading only that
    /// column and the field's latest applied entry (its own, or the row insert's if later).
    static func fieldState(_ db: Database, table: String, row id: String, field: String,
                           centralLog: Bool) throws -> FieldState? {
        guard let value = try DatabaseValue.fetchOne(db.cachedStatement(sql: "SELECT \(field) FROM \(table) WHERE id = ?"),
                                                     arguments: [id]) else { return nil }
        guard let entry = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT seq, hlc, site, site_seq, observed, server_seq FROM change_log
            WHERE row_id = ? AND tbl = ? AND field IN (?, ?) AND applied = 1 ORDER BY seq DESC LIMIT 1
            """), arguments: [id, table, field, SyncSchema.rowInsertField]) else { return nil }
        let seq: Int64 = entry[0]
        return FieldState(value: FieldValue(value),
                          version: Version(hlc: HLC(bitPattern: entry[1]), site: entry[2], seq: entry[3] ?? seq),
                          serverSeq: centralLog ? seq : entry[5] as Int64?, observed: entry[4])
    }

    /// The lifecycle state of the claim a claim or service-line row belongs to, if any.
    static func claimLifecycle(_ db: Database, table: String, states: [String: FieldState], incoming: Change,
                               centralLog: Bool) throws -> FieldState? {
        switch table {
        case SyncSchema.claimTable:
            return states[SyncSchema.lifecycleField]
        case SyncSchema.serviceLineTable:
            let claimID = states[SyncSchema.claimIDField]?.value.textValue ?? incoming.rowValues[SyncSchema.claimIDField]?.textValue
            guard let claimID else { return nil }
            return try fieldState(db, table: SyncSchema.claimTable, row: claimID, field: SyncSchema.lifecycleField,
                                  centralLog: centralLog)
        default:
            return nil
        }
    }
}
