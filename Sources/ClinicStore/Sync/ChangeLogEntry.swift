import Foundation
import GRDB
import SyncModel

/// Reading and writing `change_log` rows as wire ``Change`` values.
enum ChangeLogEntry {
    /// The columns ``change(from:localSite:)`` reads.
    static let columns = """
        seq, tbl, row_id, owner, field, value, hlc, site, site_seq, prev_hlc, prev_site, prev_seq,
        observed, server_seq, author, reassertion
        """

    /// A wire change from a `change_log` row. `serverSeqFromSeq` is set at the central node,
    /// whose log sequence is the server sequence.
    static func change(from row: Row, serverSeqFromSeq: Bool) throws -> Change {
        let seq: Int64 = row["seq"]
        let field: String = row["field"]
        let value = FieldValue(row["value"] as DatabaseValue)
        var rowValues: [String: FieldValue] = [:]
        if field == SyncSchema.rowInsertField, case .text(let json) = value {
            rowValues = try decodeObject(json)
        }
        let site: String = row["site"]
        let version = Version(hlc: HLC(bitPattern: row["hlc"]), site: site, seq: row["site_seq"] ?? seq)
        var replaced: Version?
        if let prevHLC: Int64 = row["prev_hlc"], let prevSite: String = row["prev_site"], let prevSeq: Int64 = row["prev_seq"] {
            replaced = Version(hlc: HLC(bitPattern: prevHLC), site: prevSite, seq: prevSeq)
        }
        return Change(table: row["tbl"], row: row["row_id"], owner: row["owner"], field: field,
                      value: field == SyncSchema.rowInsertField ? .null : value, rowValues: rowValues,
                      version: version, replaced: replaced, observed: row["observed"],
                      serverSeq: serverSeqFromSeq ? seq : row["server_seq"] as Int64?, author: row["author"],
                      reassertedLifecycle: (row["reassertion"] as Int64?).flatMap { $0 == 0 ? nil : $0 })
    }

    /// Appends a change applied from elsewhere (or a re-assertion written here) to the log.
    /// Returns the new log sequence.
    @discardableResult
    static func append(_ change: Change, field: String? = nil, value: FieldValue? = nil, localSite: String,
                       nowMillis: Int64, applied: Bool = true, _ db: Database) throws -> Int64 {
        let logged: DatabaseValue
        if change.isRowInsert && field == nil {
            logged = try encodeObject(change.rowValues).databaseValue
        } else {
            logged = (value ?? change.value).databaseValue
        }
        let isLocal = change.version.site == localSite
        try db.execute(sql: """
            INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, site_seq, prev_hlc, prev_site,
                                    prev_seq, observed, server_seq, author, reassertion, applied, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [change.table, change.row, change.owner, field ?? change.field, logged,
                             change.version.hlc.bitPattern, change.version.site,
                             isLocal ? nil : change.version.seq, change.replaced?.hlc.bitPattern,
                             change.replaced?.site, change.replaced?.seq, change.observed, change.serverSeq,
                             change.author, change.reassertedLifecycle ?? 0, applied, nowMillis])
        return db.lastInsertedRowID
    }

    static func decodeObject(_ json: String) throws -> [String: FieldValue] {
        try JSONDecoder().decode([String: FieldValue].self, from: Data(json.utf8))
    }

    static func encodeObject(_ values: [String: FieldValue]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }
}

extension FieldValue {
    /// A field value from an SQLite value (blobs and reals are not used by synced tables).
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let int): self = .integer(int)
        case .double(let double): self = .real(double)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        }
    }

    /// The SQLite value for this field value.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let int): return int.databaseValue
        case .real(let double): return double.databaseValue
        case .text(let text): return text.databaseValue
        }
    }
}
