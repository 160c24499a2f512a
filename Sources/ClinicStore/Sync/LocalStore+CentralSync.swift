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
        try SyncCatalogue.current.checkServes(client: request.schemaVersion)
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
        if let problem = SiteBinding.requestProblem(site: request.siteID, centralSite: identity.siteID) {
            throw ErrorBody(error: .forbidden, message: problem)
        }
        // A change of another site never reaches the merge (nor that site's progress).
        let (own, foreign) = SiteBinding.partition(request.changes, site: request.siteID)
        let report = try write { db in
            let bound = try String.fetchOne(db, sql: "SELECT clinic_id FROM site_owner WHERE site = ?",
                                            arguments: [request.siteID])
            if let problem = SiteBinding.bindingProblem(site: request.siteID, boundTo: bound, clinicID: clinicID) {
                throw ErrorBody(error: .forbidden, message: problem)
            }
            if bound == nil {
                try db.execute(sql: "INSERT INTO site_owner (site, clinic_id, bound_at) VALUES (?, ?, ?)",
                               arguments: [request.siteID, clinicID, now])
            }
            try Self.checkBase(of: request, db)
            let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0
            var report = try self.applyRemote(own, in: db) { change, db in
                try Self.screen(change, clinicID: clinicID, siteID: request.siteID, logHead: head, db)
            }
            report.highestAnswered = (report.accepted + report.refused.map(\.seq)).max() ?? 0
            try Self.recordAnswer(report, of: own, site: request.siteID, db)
            report.refused += foreign
            CrashPoint.serverMidPush.reached()
            return report
        }
        CrashPoint.serverAfterPushCommit.reached()
        return PushResponse(applied: report.accepted, refused: report.refused,
                            highestAppliedSeq: report.highestAnswered,
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

    /// Tenancy and shape checks for one pushed change: ``PushScreen``'s rules over what this
    /// store holds (the row's owner, the owners of the rows it refers to, the claim lifecycle a
    /// re-assertion protects, the log head).
    static func screen(_ change: Change, clinicID: String, siteID: String, logHead: Int64, _ db: Database) throws -> ScreenVerdict {
        let known = SyncedTable.all[change.table] != nil && change.row.utf8.count <= SyncedTable.maxIDLength
        // One lookup answers both "whose row is it" and, for a field change, "does it exist".
        let existingOwner = known ? try owner(of: change.table, row: change.row, db) : nil
        var references: [PushScreen.RowKey: String] = [:]
        for key in PushScreen.lookups(for: change) {
            if let owner = try owner(of: key.table, row: key.id, db) { references[key] = owner }
        }
        var lifecycle: Int64?
        if known, change.isReassertion {
            let stored = change.table == SyncSchema.serviceLineTable
                ? try String.fetchOne(db, sql: "SELECT claim_id FROM service_line WHERE id = ?", arguments: [change.row]) : nil
            if let claim = PushScreen.reassertedClaim(of: change, storedClaimID: stored) {
                lifecycle = try Int64.fetchOne(db, sql: "SELECT lifecycle FROM claim WHERE id = ?", arguments: [claim])
            }
        }
        let facts = PushScreen.Facts(rowOwner: existingOwner, referenceOwners: references, claimLifecycle: lifecycle,
                                     logHead: logHead)
        if let refusal = PushScreen.verdict(change, clinicID: clinicID, siteID: siteID, facts: facts) {
            return .refuse(refusal)
        }
        return .pass(rowExists: existingOwner != nil)
    }

    /// The owner of a row of a synced table, `nil` when there is none.
    private static func owner(of table: String, row id: String, _ db: Database) throws -> String? {
        try StatementBinding.text(db.cachedStatement(sql: "SELECT owner FROM \(table) WHERE id = ?"),
                                  [id.databaseValue], in: db)
    }
}
