import Foundation
import GRDB
import SyncModel

/// Where a clinic syncs to and how far it got.
public struct SyncStatus: Codable, Sendable, Equatable {
    /// The central node this clinic syncs with (`remote set`), or `nil` when none is set.
    public var serverURL: String?
    /// Whether a clinic token is stored (the token itself is never shown).
    public var hasToken: Bool
    /// The central server sequence this clinic has pulled up to.
    public var cursor: Int64
    /// The local change-log sequence the central node has acknowledged up to.
    public var pushedSeq: Int64
    /// Local changes not yet acknowledged by the central node.
    public var outbox: Int
    /// When the last complete sync ended, in milliseconds since 1970; `nil` if never.
    public var lastSyncMillis: Int64?
    /// Conflict records still open at this store.
    public var openConflicts: Int
    /// Local changes the central node refused (kept here; see their reasons in `push_refusal`).
    public var refusedChanges: Int
    /// The last site recovery a sync made (a restored or copied store, a restored central
    /// node), in one line; `nil` when none ever happened.
    public var recovery: String?
    /// When that recovery happened, in milliseconds since 1970.
    public var recoveryAtMillis: Int64?
    /// When `clinicsync restore` put this store in place, while no sync has checked it yet.
    public var restoredAtMillis: Int64?
}

extension LocalStore {
    /// Clinic: this store's own changes not yet acknowledged by the central node, oldest first.
    public func outbox(limit: Int = 1_000) throws -> [Change] {
        try read { db in
            let pushed = try Int64.fetchOne(db, sql: "SELECT pushed_seq FROM sync_state") ?? 0
            return try ownChanges(after: pushed, limit: limit, db)
        }
    }

    /// Clinic: a push request for the next outbox batch, or `nil` when the outbox is empty.
    public func nextPush(limit: Int = 1_000) throws -> PushRequest? {
        pushRequest(try outbox(limit: limit))
    }

    /// Clinic: records the central node's reply: the outbox advances past everything it
    /// processed, server sequences are kept for the merge, refusals are kept for `status`.
    public func recordPush(_ response: PushResponse) throws {
        let now = clock.nowMillis()
        try write { db in
            let setServerSeqs = try db.cachedStatement(
                sql: "UPDATE change_log SET server_seq = seq + ? WHERE seq BETWEEN ? AND ?")
            for run in Self.sequenceRuns(applied: response.applied, serverSeqs: response.serverSeqs) {
                try StatementBinding.execute(setServerSeqs, [run.offset.databaseValue, run.first.databaseValue,
                                                             run.last.databaseValue], in: db)
            }
            for refusal in response.refused {
                try db.execute(sql: "INSERT OR REPLACE INTO push_refusal (seq, code, message, refused_at) VALUES (?, ?, ?, ?)",
                               arguments: [refusal.seq, refusal.reason.rawValue, refusal.message, now])
            }
            try db.execute(sql: "UPDATE sync_state SET pushed_seq = max(pushed_seq, ?), acked_seq = max(acked_seq, ?)",
                           arguments: [response.highestAppliedSeq, response.highestAppliedSeq])
            CrashPoint.clientMidPushRecord.reached()
        }
    }

    /// The reply's (log sequence → server sequence) pairs as runs in which both go up by one:
    /// a batch the central node took whole is one run, set with one statement instead of one per
    /// change. Pairs without a server sequence (0) are left out.
    static func sequenceRuns(applied: [Int64], serverSeqs: [Int64]) -> [(first: Int64, last: Int64, offset: Int64)] {
        var runs: [(first: Int64, last: Int64, offset: Int64)] = []
        for (seq, serverSeq) in zip(applied, serverSeqs) where serverSeq > 0 {
            if let last = runs.last, seq == last.last + 1, serverSeq - seq == last.offset {
                runs[runs.count - 1].last = seq
            } else {
                runs.append((seq, seq, serverSeq - seq))
            }
        }
        return runs
    }

    /// Clinic: applies one pulled page and stores its cursor in the same transaction.
    ///
    /// When nothing of this site awaits pushing, the outbox start (`pushed_seq`) first moves up
    /// to the log head, so later outbox scans cover only what came after (this page and any
    /// local consequences), not every change ever pulled: sync cost follows the change.
    @discardableResult
    public func applyPull(_ page: PullResponse) throws -> ApplyReport {
        let site = identity.siteID
        return try write { db in
            let cursor = try Int64.fetchOne(db, sql: "SELECT cursor FROM sync_state") ?? 0
            guard page.nextCursor >= cursor else { return ApplyReport() }
            try db.execute(sql: "UPDATE sync_state SET cursor = ?", arguments: [page.nextCursor])
            try db.execute(sql: "UPDATE capture_state SET observed = ?", arguments: [page.nextCursor])
            try db.execute(sql: """
                UPDATE sync_state SET pushed_seq = (SELECT coalesce(max(seq), 0) FROM change_log)
                WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE seq > sync_state.pushed_seq AND site = ?)
                """, arguments: [site])
            let fresh = page.changes.filter { ($0.serverSeq ?? Int64.max) > cursor }
            if let received = fresh.lazy.map(\.version.hlc).max() {
                // Whether applied or merged away: a re-stamp stays after it (issue 27).
                try db.execute(sql: "UPDATE sync_state SET received_hlc = max(received_hlc, ?)",
                               arguments: [received.bitPattern])
            }
            let report = try self.applyRemote(fresh, in: db)
            CrashPoint.clientMidPullApply.reached()
            return report
        }
    }

    /// Clinic: where to sync; the token is kept only in this store's local sync state.
    public func setRemote(serverURL: String, token: String) throws {
        guard let url = URL(string: serverURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw StoreError.invalid(entity: "remote", field: "server", reason: "must be an http:// or https:// URL")
        }
        guard !token.isEmpty, token.count <= 200 else {
            throw StoreError.invalid(entity: "remote", field: "token", reason: "is empty or too long")
        }
        try write { db in
            try db.execute(sql: "UPDATE sync_state SET server_url = ?, token = ?", arguments: [serverURL, token])
        }
    }

    /// Clinic: the server URL and token set by ``setRemote(serverURL:token:)``.
    public func remote() throws -> (serverURL: String, token: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT server_url, token FROM sync_state"),
                  let url: String = row["server_url"], let token: String = row["token"] else { return nil }
            return (url, token)
        }
    }

    /// Clinic: marks a completed sync, with the clock difference it measured against the central
    /// node (kept for `status`; see ``lastClockDifference()``), in one transaction.
    public func recordSyncCompleted(clock difference: ClockDifference? = nil) throws {
        let now = clock.nowMillis()
        try write { db in
            try Self.noteReceivedReleases(db, since: try Int64.fetchOne(db, sql: "SELECT last_sync_at FROM sync_state"))
            try db.execute(sql: "UPDATE sync_state SET last_sync_at = ?", arguments: [now])
            if let difference { try Self.saveClockDifference(difference, db) }
        }
    }

    /// Outbox size, cursor, last sync and open conflicts.
    public func syncStatus() throws -> SyncStatus {
        let site = identity.siteID
        return try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_state")!
            let pushed: Int64 = row["pushed_seq"]
            return SyncStatus(
                serverURL: row["server_url"], hasToken: (row["token"] as String?) != nil, cursor: row["cursor"],
                pushedSeq: pushed,
                outbox: try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE seq > ? AND site = ?",
                                         arguments: [pushed, site]) ?? 0,
                lastSyncMillis: row["last_sync_at"],
                openConflicts: try Int.fetchOne(db, sql: "SELECT count(*) FROM conflict WHERE status = 0 AND deleted = 0") ?? 0,
                refusedChanges: try Int.fetchOne(db, sql: "SELECT count(*) FROM push_refusal") ?? 0,
                recovery: row["recovery"], recoveryAtMillis: row["recovery_at"], restoredAtMillis: row["restored_at"])
        }
    }
}
