import Foundation
import GRDB

extension LocalStore {
    /// A consistent copy of this store at `path`, taken while the store stays in use
    /// (SQLite's `VACUUM INTO` reads one snapshot; writers go on meanwhile). The copy is a
    /// single file, readable by its owner only (0600). Refuses a path that exists.
    public func backup(to path: String) throws {
        guard try PrivateFile.create(at: path) else {
            throw StoreError.invalid(entity: "backup", field: "file", reason: "\(path) already exists")
        }
        do {
            try writer.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
            chmod(path, PrivateFile.mode)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.translating(error, path: path)
        }
    }

    /// When this store last changed: its newest logged change, last sync or creation, in
    /// milliseconds since 1970 (what `restore` compares before replacing a store).
    public func lastWrittenMillis() throws -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT max(coalesce((SELECT max(recorded_at) FROM change_log), 0),
                           coalesce((SELECT last_sync_at FROM sync_state), 0),
                           (SELECT created_at FROM store_info))
                """) ?? 0
        }
    }

    /// `PRAGMA integrity_check`: `ok`, or what SQLite found.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// Writes what the WAL holds into the main file and empties it, so that the file alone is the store.
    func checkpoint() throws {
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }
}
