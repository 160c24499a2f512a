import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// Clinic: what this store knows about its own site, against the node's highest sequence
    /// `nodeSeq` (its own change there, fingerprinted, if it has one). Its own log head is looked
    /// for from `nodeSeq` up only (0 when it has nothing there): all the verdict needs to know.
    public func siteFacts(nodeSeq: Int64) throws -> SiteFacts {
        let site = identity.siteID
        return try read { db in
            let state = try Row.fetchOne(db, sql: "SELECT acked_seq, restored_at, cursor, mark FROM sync_state")
            // Looked for from the node's sequence up only: the store's own log head matters only
            // when it is at or past it, and the range stays as small as what came since.
            let head = nodeSeq == 0 ? 0 : try Int64.fetchOne(db, sql: """
                SELECT coalesce(max(seq), 0) FROM change_log WHERE seq >= ? AND site = ? AND site_seq IS NULL
                """, arguments: [nodeSeq, site]) ?? 0
            let own = try ChangeLogEntry.changes(db, sql: """
                SELECT \(ChangeLogEntry.columns) FROM change_log WHERE seq = ? AND site = ? AND site_seq IS NULL
                """, arguments: [nodeSeq, site], serverSeqFromSeq: false).first
            return SiteFacts(acknowledged: state?["acked_seq"] ?? 0, ownHead: head, digestAtNodeSeq: own.map(ChangeDigest.of),
                             restored: (state?["restored_at"] as Int64?) != nil, cursor: state?["cursor"] ?? 0,
                             mark: state?["mark"])
        }
    }

    /// Clinic: carries out `verdict` (from ``SiteVerdict/decide(store:node:)`` with `standing`)
    /// in one transaction; returns what it did, or `nil` when the store was in step.
    @discardableResult
    public func settleSite(_ verdict: SiteVerdict, standing: SiteStanding) throws -> SiteRecovery? {
        switch verdict {
        case .inStep:
            try write { db in try db.execute(sql: "UPDATE sync_state SET restored_at = NULL WHERE restored_at IS NOT NULL") }
            return nil
        case .centralBehind(let pushFrom):
            return try pushAgain(after: pushFrom, centralSite: standing.centralSite)
        case .fork(let keep, let reason):
            return try takeNewSite(keepThrough: keep, reason: reason, centralSite: standing.centralSite)
        }
    }

    /// Clinic: leaves this store's site for a new one (128 random bits): its own changes after
    /// `keep` are re-keyed under the new site (same order, same clocks, nothing dropped), the
    /// old site's are kept as received changes, and the pull starts again from the beginning
    /// so that the old site's changes this store does not hold come back, and the node's own
    /// changes are learnt again (`centralSite`: the node may have been put back too, handing out
    /// its sequences again). One transaction.
    @discardableResult
    public func takeNewSite(keepThrough keep: Int64, reason: SiteVerdict.ForkReason,
                            centralSite: String? = nil) throws -> SiteRecovery {
        let old = identity.siteID
        let new = "\(identity.clinicID)-" + ids.hex(count: SiteBinding.newSiteHexDigits)
        let now = clock.nowMillis()
        let recovery = try write { db -> SiteRecovery in
            let moved = try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE site = ? AND site_seq IS NULL AND seq > ?",
                                         arguments: [old, keep]) ?? 0
            try db.execute(sql: "UPDATE change_log SET site = ? WHERE site = ? AND site_seq IS NULL AND seq > ?",
                           arguments: [new, old, keep])
            try db.execute(sql: "UPDATE change_log SET prev_site = ? WHERE site = ? AND prev_site = ? AND prev_seq > ?",
                           arguments: [new, new, old, keep])
            try db.execute(sql: "UPDATE change_log SET server_seq = NULL WHERE site = ?", arguments: [new])
            try db.execute(sql: "UPDATE change_log SET site_seq = seq WHERE site = ? AND site_seq IS NULL", arguments: [old])
            try db.execute(sql: """
                INSERT INTO site_progress (site, max_seq) VALUES (?, ?)
                ON CONFLICT (site) DO UPDATE SET max_seq = excluded.max_seq
                """, arguments: [old, keep])
            if let centralSite { try db.execute(sql: "DELETE FROM site_progress WHERE site = ?", arguments: [centralSite]) }
            try db.execute(sql: """
                INSERT OR REPLACE INTO retired_site (site, kept_through, retired_at, reason) VALUES (?, ?, ?, ?)
                """, arguments: [old, keep, now, reason.rawValue])
            try db.execute(sql: "UPDATE store_info SET site_id = ?", arguments: [new])
            try db.execute(sql: "UPDATE capture_state SET site_id = ?", arguments: [new])
            let recovery = SiteRecovery(
                kind: .newSite, oldSite: old, newSite: new, changes: moved,
                message: "Site \(old): \(reason.explanation). This store now writes as site \(new): its \(moved) "
                    + "unsynced changes go out under it, and the changes of \(old) it did not hold come back from the central node.")
            try db.execute(sql: """
                UPDATE sync_state SET pushed_seq = ?, acked_seq = 0, cursor = 0, mark_seq = NULL, mark = NULL, restored_at = NULL, recovery = ?, recovery_at = ?
                """, arguments: [keep, recovery.message, now])
            return recovery
        }
        adopt(siteID: new)
        return recovery
    }

    /// Clinic: the central node holds this site only through `nodeSeq` (it was restored from an
    /// older backup): the outbox starts again after it, and the pull starts again from the
    /// beginning, relearning the node's own changes (whose sequences it hands out again).
    @discardableResult
    public func pushAgain(after nodeSeq: Int64, centralSite: String) throws -> SiteRecovery {
        let site = identity.siteID
        let now = clock.nowMillis()
        return try write { db -> SiteRecovery in
            let again = try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE site = ? AND site_seq IS NULL AND seq > ?",
                                         arguments: [site, nodeSeq]) ?? 0
            try db.execute(sql: "UPDATE change_log SET server_seq = NULL WHERE site = ? AND site_seq IS NULL AND seq > ?",
                           arguments: [site, nodeSeq])
            try db.execute(sql: "DELETE FROM site_progress WHERE site = ?", arguments: [centralSite])
            let recovery = SiteRecovery(
                kind: .pushAgain, oldSite: site, newSite: site, changes: again,
                message: "The central node no longer holds all this site had synced (restored from an older backup): "
                    + "\(again) changes are pushed again and its changes pulled again from the start.")
            try db.execute(sql: """
                UPDATE sync_state SET pushed_seq = ?, acked_seq = ?, cursor = 0, mark_seq = NULL, mark = NULL, restored_at = NULL,
                  recovery = ?, recovery_at = ?
                """, arguments: [nodeSeq, nodeSeq, recovery.message, now])
            return recovery
        }
    }

    /// Clinic: the server sequence whose ``LogMark`` this store keeps (`nil` when none).
    public func markSeq() throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT mark_seq FROM sync_state WHERE mark IS NOT NULL") }
    }

    /// Clinic: keeps the central node's `mark` of its log entry at `seq` (the cursor a sync ended
    /// at), for the next sync's check; a `nil` mark forgets it.
    public func recordMark(seq: Int64, mark: String?) throws {
        try write { db in
            try db.execute(sql: "UPDATE sync_state SET mark_seq = ?, mark = ?", arguments: [mark == nil ? nil : seq, mark])
        }
    }

    /// Clinic: the sites this store left for a new one, each with the last sequence that was
    /// this store's own and acknowledged (``takeNewSite(keepThrough:reason:)``).
    public func retiredSites() throws -> [(site: String, keptThrough: Int64)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT site, kept_through FROM retired_site ORDER BY retired_at, site").map {
                (site: $0["site"], keptThrough: $0["kept_through"])
            }
        }
    }

    /// Clinic: a push request, under retired site `site`, of this store's own changes of that
    /// site after `after` through `through` (at most `limit`), or `nil` when there are none: what a
    /// central node restored from an older backup no longer holds of a site this store left.
    /// Only its own (through the sequence it kept): that history has no gaps. Changes of the site
    /// it pulled back may (a pull serves only the latest entry of a field), and pushing them would
    /// move the node's record of the site past changes it does not hold.
    public func retiredPush(site: String, after: Int64, through: Int64, limit: Int) throws -> PushRequest? {
        let changes = try read { db in
            try ChangeLogEntry.changes(db, sql: """
                SELECT \(ChangeLogEntry.columns) FROM change_log WHERE site = ? AND site_seq > ? AND site_seq <= ?
                ORDER BY site_seq LIMIT ?
                """, arguments: [site, after, through, limit], serverSeqFromSeq: false)
        }
        guard !changes.isEmpty else { return nil }
        return PushRequest(schemaVersion: StoreMigrations.schemaVersion, clinicID: identity.clinicID, siteID: site,
                           changes: changes)
    }

    /// Clinic: marks a store put in place by `clinicsync restore`, so that its next sync checks
    /// its site before pushing anything.
    public func markRestored() throws {
        let now = clock.nowMillis()
        try write { db in try db.execute(sql: "UPDATE sync_state SET restored_at = ?", arguments: [now]) }
    }
}
