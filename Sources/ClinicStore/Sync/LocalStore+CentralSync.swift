import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// The largest page a pull returns, whatever the client asks (``PullPaging/maxLimit``).
    public static let maxPullLimit = PullPaging.maxLimit
    /// The most changes one push may carry (``PushChecks/maxPushChanges``).
    public static let maxPushChanges = PushChecks.maxPushChanges

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
        let now = clock.nowMillis()
        let (own, foreign) = try PushChecks.check(request, from: clinicID, limits: PushChecks.Limits(
            schemaVersion: StoreMigrations.schemaVersion, centralSite: identity.siteID, nowMillis: now,
            skewLimitMillis: skewLimitMillis))
        let report = try write { db in
            let bound = try String.fetchOne(db, sql: "SELECT clinic_id FROM site_owner WHERE site = ?",
                                            arguments: [request.siteID])
            if try PushChecks.binding(site: request.siteID, boundTo: bound, clinicID: clinicID) {
                try db.execute(sql: "INSERT INTO site_owner (site, clinic_id, bound_at) VALUES (?, ?, ?)",
                               arguments: [request.siteID, clinicID, now])
            }
            try Self.checkBase(of: request, db)
            let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0
            let report = try self.applyRemote(own, in: db, screen: ApplyPlanner.Screen(
                clinicID: clinicID, siteID: request.siteID, logHead: head))
            try Self.recordAnswer(highestAnswered: report.highestAnswered, of: own, site: request.siteID, db)
            CrashPoint.serverMidPush.reached()
            return report
        }
        CrashPoint.serverAfterPushCommit.reached()
        return PushResponse(applied: report.accepted, refused: report.refused + foreign,
                            highestAppliedSeq: report.highestAnswered,
                            serverSeqs: report.logSeqs, conflictsCreated: report.conflictsCreated)
    }

    /// Central node: the changes a clinic may see after `since`: its own rows and central
    /// reference data, never another clinic's; the clinic's own site's changes are left out
    /// (it has them). Pages follow the server sequence, which is the commit order. From
    /// `since = 0` this is the snapshot bootstrap of DESIGN §4: the current state of the scope,
    /// not a replay of every edit.
    public func pull(for clinicID: String, site: String, since: Int64, limit: Int) throws -> PullResponse {
        try PullPaging.checkCursor(since)
        let pageSize = PullPaging.pageSize(limit: limit)
        let now = clock.nowMillis()
        return try read { db in
            let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0
            try PullPaging.checkCursor(since, head: head)
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
            let (next, hasMore) = PullPaging.next(reached: changes.count, lastReached: changes.last?.serverSeq,
                                                  since: since, head: head, pageSize: pageSize)
            let clock = try Int64.fetchOne(db, sql: "SELECT hlc FROM capture_state") ?? 0
            return PullResponse(changes: changes, nextCursor: next, hasMore: hasMore,
                                serverClock: max(HLC(bitPattern: clock), HLC(millis: now)))
        }
    }
}
