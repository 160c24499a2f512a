import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LocalStore {
    /// A consistent copy of this store at `path`, taken while the store stays in use
    /// (SQLite's `VACUUM INTO` reads one snapshot; writers go on meanwhile). The copy is a
    /// single file, readable by its owner only (0600). Refuses a path that exists.
    public func backup(to path: String) throws {
        try Self.createPrivateFile(at: path)
        do {
            try writer.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
            chmod(path, 0o600)
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

    /// Creates an empty file at `path` readable and writable by its owner only; refuses one that exists.
    static func createPrivateFile(at path: String) throws {
        let descriptor = openExclusively(path)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw StoreError.invalid(entity: "backup", field: "file", reason: "\(path) already exists") }
            throw StoreError.readOnly(path: path)
        }
        closeDescriptor(descriptor)
    }
}

/// `open(path, O_CREAT | O_EXCL | O_WRONLY, 0600)`.
private func openExclusively(_ path: String) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
    #else
    Darwin.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
    #endif
}

/// `close(descriptor)`.
private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
}
