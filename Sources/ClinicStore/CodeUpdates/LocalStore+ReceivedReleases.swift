import BillingModel
import Foundation
import GRDB

extension LocalStore {
    /// The `setting` row listing the ids of the central releases the last sync brought.
    static let receivedReleasesSetting = "sync.releases_received"

    /// Notes, as a sync completes, the central releases received since the sync before it
    /// ended (`imported_at` after `previousSyncMillis`); a sync that brought none clears the note.
    static func noteReceivedReleases(_ db: Database, since previousSyncMillis: Int64?) throws {
        let ids = try String.fetchAll(db, sql: """
            SELECT id FROM code_release WHERE origin = 'central' AND imported_at > ? ORDER BY system, effective_from
            """, arguments: [previousSyncMillis ?? 0])
        if ids.isEmpty {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [receivedReleasesSetting])
        } else {
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                           arguments: [receivedReleasesSetting, ids.joined(separator: ",")])
        }
    }

    /// The code releases the last completed sync brought from the central office, each with
    /// the release of its system before it; empty when it brought none.
    public func releasesFromLastSync() throws -> [ReceivedRelease] {
        try read { db in
            guard let note = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?",
                                                 arguments: [Self.receivedReleasesSetting]) else { return [] }
            return try note.split(separator: ",").compactMap { id in
                guard let release = try CodeRelease.fetchOne(db, key: String(id)) else { return nil }
                return ReceivedRelease(release: release, previous: try Self.previousRelease(of: release, db)?.name)
            }
        }
    }
}
