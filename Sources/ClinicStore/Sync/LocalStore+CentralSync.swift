import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// The largest page a pull returns, whatever the client asks.
    public static let maxPullLimit = 5_000
    /// The most changes one push may carry.
    public static let maxPushChanges = 10_000

    /// Central node: applies one pushed batch from an enrolled clinic in one transaction.
    ///
    /// Whole-request problems (schema version, clinic or site mismatch, clock far ahead) throw
    /// an ``ErrorBody`` and change nothing; a change that breaks a rule (another clinic's row,
    /// a central-only table, an unknown field, a wrong type) is refused alone, with its reason.
    /// A replayed batch changes nothing: changes at or below the site's highest applied sequence
    /// are acknowledged again.
    public func acceptPush(_ request: PushRequest, from clinicID: String,
                           skewLimitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) throws -> PushResponse {
        guard identity.role == .central else {
            throw ErrorBody(error: .badRequest, message: "this store is a clinic store, not a central node")
        }
        guard request.schemaVersion == StoreMigrations.schemaVersion else {
            throw ErrorBody.schemaMismatch(client: request.schemaVersion)
        }
        guard request.clinicID == clinicID else {
            throw ErrorBody(error: .forbidden, message: "the token belongs to clinic \(clinicID), not \(request.clinicID)")
        }
        guard request.changes.count <= Self.maxPushChanges else {
            throw ErrorBody(error: .tooLarge, message: "a push carries at most \(Self.maxPushChanges) changes")
        }
        let now = clock.nowMillis()
        for change in request.changes {
            try HybridLogicalClock.checkSkew(of: change, nowMillis: now, limitMillis: skewLimitMillis)
        }
        let report = try write { db in
            let report = try self.applyRemote(request.changes, in: db) { change, db in
                try Self.screen(change, clinicID: clinicID, siteID: request.siteID, db)
            }
            CrashPoint.serverMidPush.reached()
            return report
        }
        CrashPoint.serverAfterPushCommit.reached()
        return PushResponse(applied: report.accepted, refused: report.refused,
                            highestAppliedSeq: (report.accepted + report.refused.map(\.seq)).max() ?? 0,
                            serverSeqs: report.logSeqs, conflictsCreated: report.conflictsCreated)
    }

    /// Central node: the changes a clinic may see after `since`: its own rows and central
    /// reference data, never another clinic's; the clinic's own site's changes are left out
    /// (it has them). Pages follow the server sequence, which is the commit order. From
    /// `since = 0` this is the snapshot bootstrap of DESIGN §4: the current state of the scope,
    /// not a replay of every edit.
    public func pull(for clinicID: String, site: String, since: Int64, limit: Int) throws -> PullResponse {
        guard since >= 0 else { throw ErrorBody(error: .badRequest, message: "since must be 0 or more") }
        let pageSize = min(max(limit, 1), Self.maxPullLimit)
        let now = clock.nowMillis()
        return try read { db in
            let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0
            guard since <= head else {
                throw ErrorBody(error: .badRequest, message: "cursor \(since) is ahead of this node's log (\(head)); "
                                + "the clinic store belongs to another central node")
            }
            // Only the latest applied entry of each (row, field) is served: a new clinic gets a
            // compacted snapshot of its scope (each row's insert plus each field's current
            // version), and later pulls skip entries already superseded. A superseding entry has a
            // higher sequence, so a page boundary never hides one.
            let changes = try ChangeLogEntry.changes(db, sql: """
                SELECT \(ChangeLogEntry.columns) FROM change_log AS c
                WHERE c.seq > ? AND c.owner IN (?, ?) AND c.site <> ? AND c.applied = 1
                  AND c.seq = (SELECT max(l.seq) FROM change_log AS l
                               WHERE l.row_id = c.row_id AND l.field = c.field AND l.tbl = c.tbl AND l.applied = 1)
                ORDER BY c.seq LIMIT ?
                """, arguments: [since, clinicID, Self.centralOwner, site, pageSize], serverSeqFromSeq: true)
            let hasMore = changes.count == pageSize
            let next = hasMore ? (changes.last?.serverSeq ?? since) : head
            let clock = try Int64.fetchOne(db, sql: "SELECT hlc FROM capture_state") ?? 0
            return PullResponse(changes: changes, nextCursor: next, hasMore: hasMore,
                                serverClock: max(HLC(bitPattern: clock), HLC(millis: now)))
        }
    }

    /// Tenancy and shape checks for one pushed change.
    static func screen(_ change: Change, clinicID: String, siteID: String, _ db: Database) throws -> ScreenVerdict {
        let seq = change.version.seq
        guard change.version.site == siteID else {
            return .refuse(RefusedChange(seq: seq, reason: .wrongSite, message: "change from site \(change.version.site) in a push from site \(siteID)"))
        }
        guard let table = SyncedTable.all[change.table] else {
            return .refuse(RefusedChange(seq: seq, reason: .unknownTable, message: "unknown table '\(change.table)'"))
        }
        guard table.clinicWritable, change.owner != centralOwner else {
            return .refuse(RefusedChange(seq: seq, reason: .readOnlyTable, message: "\(change.table) rows owned by the central office are read-only at clinics"))
        }
        guard change.owner == clinicID else {
            return .refuse(RefusedChange(seq: seq, reason: .outOfScope, message: "row \(change.row) belongs to \(change.owner), not \(clinicID)"))
        }
        // One lookup answers both "whose row is it" and, for a field change, "does it exist".
        let existingOwner = try StatementBinding.text(db.cachedStatement(sql: "SELECT owner FROM \(table.name) WHERE id = ?"),
                                                      [change.row.databaseValue], in: db)
        if let existingOwner, existingOwner != clinicID {
            return .refuse(RefusedChange(seq: seq, reason: .outOfScope, message: "row \(change.row) belongs to another clinic"))
        }
        let values = change.isRowInsert ? change.rowValues : [change.field: change.value]
        if change.isRowInsert, values["owner"] != nil, values["owner"] != .text(clinicID) {
            return .refuse(RefusedChange(seq: seq, reason: .outOfScope, message: "row \(change.row) names another owner"))
        }
        for (column, value) in values {
            guard column != "id", let spec = table.columns[column] else {
                return .refuse(RefusedChange(seq: seq, reason: .unknownField, message: "unknown field \(change.table).\(column)"))
            }
            if let problem = table.problem(column: column, spec: spec, value: value) {
                return .refuse(RefusedChange(seq: seq, reason: .invalidValue, message: problem))
            }
        }
        if !change.isRowInsert, change.field == "owner" {
            return .refuse(RefusedChange(seq: seq, reason: .invalidValue, message: "a row's owner never changes"))
        }
        if !change.isRowInsert, existingOwner == nil {
            return .refuse(RefusedChange(seq: seq, reason: .invalidValue, message: "change to \(change.table) row \(change.row), which does not exist"))
        }
        return .pass(rowExists: existingOwner != nil)
    }
}

extension ErrorBody {
    /// The schema-version refusal, saying which side to upgrade.
    public static func schemaMismatch(client: Int) -> ErrorBody {
        let server = StoreMigrations.schemaVersion
        let advice = client < server ? "upgrade ClinicSync at the clinic" : "upgrade the central node"
        return ErrorBody(error: .schemaMismatch,
                         message: "schema version \(client) at the clinic, \(server) at the central node: \(advice)")
    }
}
