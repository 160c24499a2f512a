import GRDB

extension LocalStore {
    /// The audit trail of a claim and its lines, oldest first, from the change log.
    public func claimHistory(_ key: String) throws -> [HistoryEntry] {
        try read { db in
            let claim = try Self.fetchClaim(db, key: key)
            return try Row.fetchAll(db, sql: """
                SELECT l.seq, l.hlc, l.author, l.site, l.tbl, l.row_id, l.field, l.value, l.applied, s.line_number,
                       r.original_hlc
                FROM change_log AS l
                LEFT JOIN service_line AS s ON l.tbl = 'service_line' AND s.id = l.row_id
                LEFT JOIN clock_restamp AS r ON r.seq = l.seq
                WHERE (l.tbl = 'claim' AND l.row_id = :claim)
                   OR (l.tbl = 'service_line' AND l.row_id IN (SELECT id FROM service_line WHERE claim_id = :claim))
                ORDER BY l.seq
                """, arguments: ["claim": claim.id]).map { row in
                let value: DatabaseValue = row["value"]
                let hlc: Int64 = row["hlc"]
                return HistoryEntry(seq: row["seq"], atMillis: hlc >> 16, author: row["author"], site: row["site"],
                                    table: row["tbl"], rowID: row["row_id"], lineNumber: row["line_number"],
                                    field: row["field"], value: value.isNull ? nil : value.description(unquoted: true),
                                    applied: row["applied"],
                                    restampedFromMillis: (row["original_hlc"] as Int64?).map { $0 >> 16 })
            }
        }
    }
}

extension DatabaseValue {
    /// The value as plain text (strings without quotes, NULL as `nil` by the caller).
    func description(unquoted: Bool) -> String {
        switch storage {
        case .null: return "null"
        case .int64(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .blob(let data): return "<\(data.count) bytes>"
        }
    }
}
