import GRDB
import SyncModel

extension LocalStore {
    /// Clinic: the push request for this site's changes after log sequence `seq` (up to
    /// `limit`), or `nil` when there are none: the batch that follows one still in flight, so a
    /// sync can read it while the central node applies the previous one.
    public func nextPush(after seq: Int64, limit: Int = 1_000) throws -> PushRequest? {
        pushRequest(try read { db in try ownChanges(after: seq, limit: limit, db) })
    }

    /// This site's own logged changes after log sequence `seq`, oldest first, at most `limit`.
    func ownChanges(after seq: Int64, limit: Int, _ db: Database) throws -> [Change] {
        try ChangeLogEntry.changes(db, sql: """
            SELECT \(ChangeLogEntry.columns) FROM change_log WHERE seq > ? AND site = ? ORDER BY seq LIMIT ?
            """, arguments: [seq, identity.siteID, limit], serverSeqFromSeq: false)
    }

    /// The push request carrying `changes`, or `nil` when there are none.
    func pushRequest(_ changes: [Change]) -> PushRequest? {
        guard !changes.isEmpty else { return nil }
        return PushRequest(schemaVersion: StoreMigrations.schemaVersion, clinicID: identity.clinicID,
                           siteID: identity.siteID, changes: changes)
    }
}

extension LocalStore {
    /// Clinic: the pull cursor and the outbox start (`pushed_seq`), read without counting
    /// anything (``syncStatus()`` also counts the outbox and open conflicts).
    public func syncProgress() throws -> (cursor: Int64, pushedSeq: Int64) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT cursor, pushed_seq FROM sync_state")
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }
}
