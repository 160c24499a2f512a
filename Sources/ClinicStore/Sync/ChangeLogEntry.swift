import Foundation
import GRDB
import SyncModel
import SyncWire

/// Reading and writing `change_log` rows as wire ``Change`` values.
enum ChangeLogEntry {
    /// The columns ``change(from:localSite:)`` reads.
    static let columns = """
        seq, tbl, row_id, owner, field, value, hlc, site, site_seq, prev_hlc, prev_site, prev_seq,
        observed, server_seq, author, reassertion
        """

    /// The wire changes of the `change_log` rows `sql` selects (``columns``, in that order),
    /// read through a cursor: each row is converted where it lies, never copied.
    static func changes(_ db: Database, sql: String, arguments: StatementArguments,
                        serverSeqFromSeq: Bool) throws -> [Change] {
        var changes: [Change] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            changes.append(try change(from: row, serverSeqFromSeq: serverSeqFromSeq))
        }
        return changes
    }

    /// A wire change from a `change_log` row. `serverSeqFromSeq` is set at the central node,
    /// whose log sequence is the server sequence.
    /// Reads columns by position (the order of ``columns``): by name costs a search per column.
    static func change(from row: Row, serverSeqFromSeq: Bool) throws -> Change {
        let seq: Int64 = row[0]
        let field: String = row[4]
        let value = FieldValue(row[5] as DatabaseValue)
        var rowValues: [String: FieldValue] = [:]
        if field == SyncSchema.rowInsertField, case .text(let json) = value {
            rowValues = try decodeObject(json)
        }
        let site: String = row[7]
        let version = Version(hlc: HLC(bitPattern: row[6]), site: site, seq: row[8] ?? seq)
        var replaced: Version?
        if let prevHLC: Int64 = row[9], let prevSite: String = row[10], let prevSeq: Int64 = row[11] {
            replaced = Version(hlc: HLC(bitPattern: prevHLC), site: prevSite, seq: prevSeq)
        }
        return Change(table: row[1], row: row[2], owner: row[3], field: field,
                      value: field == SyncSchema.rowInsertField ? .null : value, rowValues: rowValues,
                      version: version, replaced: replaced, observed: row[12],
                      serverSeq: serverSeqFromSeq ? seq : row[13] as Int64?, author: row[14],
                      reassertedLifecycle: (row[15] as Int64?).flatMap { $0 == 0 ? nil : $0 })
    }

    /// Appends a change applied from elsewhere (or a re-assertion written here) to the log.
    /// Returns the new log sequence.
    ///
    /// `rowKeys`, when given, are the row insert's keys already sorted (the merge sorts them);
    /// `rowJSON`, when given, is the insert's values already written as ``FlatJSON`` with them.
    @discardableResult
    static func append(_ change: Change, field: String? = nil, value: FieldValue? = nil, localSite: String,
                       nowMillis: Int64, applied: Bool = true, rowKeys: [String]? = nil, rowJSON: String? = nil,
                       _ db: Database) throws -> Int64 {
        let logged: DatabaseValue
        if change.isRowInsert && field == nil {
            logged = try (rowJSON ?? rowKeys.map { FlatJSON.encode(change.rowValues, keys: $0) }
                          ?? encodeObject(change.rowValues)).databaseValue
        } else {
            logged = (value ?? change.value).databaseValue
        }
        let isLocal = change.version.site == localSite
        let insert = try db.cachedStatement(sql: """
            INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, site_seq, prev_hlc, prev_site,
                                    prev_seq, observed, server_seq, author, reassertion, applied, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try StatementBinding.execute(insert, [
            change.table.databaseValue, change.row.databaseValue, change.owner.databaseValue,
            (field ?? change.field).databaseValue, logged, change.version.hlc.bitPattern.databaseValue,
            change.version.site.databaseValue, isLocal ? .null : change.version.seq.databaseValue,
            change.replaced?.hlc.bitPattern.databaseValue ?? .null, change.replaced?.site.databaseValue ?? .null,
            change.replaced?.seq.databaseValue ?? .null, change.observed.databaseValue,
            change.serverSeq?.databaseValue ?? .null, change.author?.databaseValue ?? .null,
            (change.reassertedLifecycle ?? 0).databaseValue, applied.databaseValue, nowMillis.databaseValue,
        ], in: db)
        return db.lastInsertedRowID
    }

    /// Row values logged as a JSON object (by the capture triggers' `json_object`, or by ``encodeObject(_:)``).
    static func decodeObject(_ json: String) throws -> [String: FieldValue] {
        try FlatJSON.decode(json)
    }

    /// Row values as a JSON object, keys sorted.
    static func encodeObject(_ values: [String: FieldValue]) throws -> String {
        FlatJSON.encode(values)
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
