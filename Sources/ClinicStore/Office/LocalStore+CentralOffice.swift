import BillingModel
import GRDB
import SyncModel

/// The SQLite central store is a ``CentralOffice``: its claim, check, submit, history and
/// conflict methods are the ones a clinic uses (over every clinic's rows here), and these add
/// the office's list query, status and row labels.
extension LocalStore: CentralOffice {
    /// Claims newest first, in one stage and of one clinic when `query` says, one page of them.
    public func claims(matching query: ClaimQuery) throws -> [Claim] {
        try read { db in
            var request = ClaimRecord.filter(ClaimRecord.Columns.deleted == 0)
            if let stage = query.stage {
                request = request.filter(sql: "lifecycle % 16 = ?", arguments: [stage.rawValue])
            }
            if let clinic = query.clinic { request = request.filter(Column("owner") == clinic) }
            return try request.order(ClaimRecord.Columns.id.desc).limit(query.limit, offset: query.offset).fetchAll(db)
                .map { try $0.claim(lines: Self.fetchLines(db, claimID: $0.id)) }
        }
    }

    /// The central store at a glance: its site, log head, open conflicts and every clinic's health.
    public func officeStatus() throws -> CentralOfficeStatus {
        let head = try read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0 }
        return CentralOfficeStatus(siteID: identity.siteID, logHead: head, openConflicts: try conflicts().count,
                                   clinics: try clinicHealth(recentLimit: CentralOfficeStatus.recentSyncs))
    }

    /// ``rowLabel(table:row:)`` of each row this store holds.
    public func rowLabels(_ rows: [RowReference]) throws -> [RowReference: String] {
        var labels: [RowReference: String] = [:]
        for row in Set(rows) {
            labels[row] = try rowLabel(table: row.table, row: row.row)
        }
        return labels
    }
}

extension CentralOfficeStatus {
    /// How many of each clinic's newest requests `status` lists at the central office.
    public static let recentSyncs = 3
}
