import GRDB
import SyncModel

/// The merge's view of a row: each field's current value with the version that wrote it,
/// read from the row and its applied `change_log` entries (the latest applied entry for a
/// field — or the row insert — is its current version).
enum RowStates {
    /// Field states of one row; empty when the row does not exist here.
    static func load(_ db: Database, table: String, row id: String, centralLog: Bool) throws -> [String: FieldState] {
        guard let values = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]) else {
            return [:]
        }
        var versions: [String: (Version, Int64?, Int64)] = [:]
        var insertVersion: (Version, Int64?, Int64)?
        let entries = try Row.fetchCursor(db, sql: """
            SELECT seq, field, hlc, site, site_seq, observed, server_seq FROM change_log
            WHERE row_id = ? AND tbl = ? AND applied = 1 ORDER BY seq
            """, arguments: [id, table])
        while let entry = try entries.next() {
            let seq: Int64 = entry["seq"]
            let version = Version(hlc: HLC(bitPattern: entry["hlc"]), site: entry["site"], seq: entry["site_seq"] ?? seq)
            let meta = (version, centralLog ? seq : entry["server_seq"] as Int64?, entry["observed"] as Int64)
            let field: String = entry["field"]
            if field == SyncSchema.rowInsertField {
                insertVersion = meta
                versions = [:]
            } else {
                versions[field] = meta
            }
        }
        var states: [String: FieldState] = [:]
        for column in values.columnNames where column != "id" {
            guard let (version, serverSeq, observed) = versions[column] ?? insertVersion else { continue }
            states[column] = FieldState(value: FieldValue(values[column] as DatabaseValue), version: version,
                                        serverSeq: serverSeq, observed: observed)
        }
        return states
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
            return try load(db, table: SyncSchema.claimTable, row: claimID, centralLog: centralLog)[SyncSchema.lifecycleField]
        default:
            return nil
        }
    }
}
