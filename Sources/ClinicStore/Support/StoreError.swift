import Foundation
import GRDB

/// What went wrong in the store, with the entity and field it concerns, as one readable line.
///
/// Messages never carry PHI: they name records by id and fields by name, not by content.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No store file at the path.
    case noStore(path: String)
    /// `init` on a path that already holds a store.
    case alreadyInitialized(path: String)
    /// A record that does not exist (or is deleted).
    case notFound(entity: String, id: String)
    /// A value refused by validation.
    case invalid(entity: String, field: String, reason: String)
    /// An operation not allowed in the record's current state.
    case notAllowed(entity: String, id: String, reason: String)
    /// An import file refused; nothing was imported.
    case importFailed(file: String, line: Int?, reason: String)
    /// The store file or its folder is read-only.
    case readOnly(path: String)
    /// Another process holds the database lock for too long.
    case locked(path: String)
    /// The disk is full.
    case diskFull(path: String)
    /// The file is not a ClinicSync store, or is damaged.
    case corrupt(path: String, detail: String)
    /// The store was written by a newer version of ClinicSync.
    case newerSchema(path: String)

    public var description: String {
        switch self {
        case .noStore(let path):
            return "no ClinicSync store at \(path): create one with `clinicsync init --clinic ID` or pass --store"
        case .alreadyInitialized(let path):
            return "\(path) already holds a ClinicSync store; refusing to overwrite it"
        case .notFound(let entity, let id):
            return "\(entity) \(id) not found"
        case .invalid(let entity, let field, let reason):
            return "\(entity) \(field): \(reason)"
        case .notAllowed(let entity, let id, let reason):
            return "\(entity) \(id): \(reason)"
        case .importFailed(let file, let line, let reason):
            let at = line.map { ", line \($0)" } ?? ""
            return "import of \(file) refused\(at): \(reason); nothing was imported"
        case .readOnly(let path):
            return "the store \(path) is read-only: check the file and folder permissions; nothing was changed"
        case .locked(let path):
            return "the store \(path) is locked by another process; try again when it finishes; nothing was changed"
        case .diskFull(let path):
            return "the disk holding \(path) is full; free some space and retry; nothing was changed"
        case .corrupt(let path, let detail):
            return "\(path) is not a readable ClinicSync store (\(detail))"
        case .newerSchema(let path):
            return "\(path) was written by a newer ClinicSync: upgrade this program to open it"
        }
    }

    /// Translates SQLite failures into store errors a person can act on; other errors pass through.
    static func translating(_ error: any Error, path: String) -> any Error {
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM: return StoreError.readOnly(path: path)
        case .SQLITE_CANTOPEN:
            // A read-only file system (or folder) cannot hold the -wal and -shm files SQLite needs.
            if !isWritableLocation(path) { return StoreError.readOnly(path: path) }
            return StoreError.corrupt(path: path, detail: "cannot open the file: check the path and permissions")
        case .SQLITE_IOERR where hasNoFreeSpace(path):
            // On a full disk, opening fails while creating the -shm file, before any SQLITE_FULL.
            return StoreError.diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.locked(path: path)
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreError.corrupt(path: path, detail: dbError.message ?? "damaged")
        case .SQLITE_CONSTRAINT:
            return StoreError.invalid(entity: "record", field: "constraint", reason: dbError.message ?? "constraint failed")
        default: return error
        }
    }

    /// Whether the store file (when it exists) and its folder can be written.
    private static func isWritableLocation(_ path: String) -> Bool {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if files.fileExists(atPath: path), !files.isWritableFile(atPath: path) { return false }
        return files.isWritableFile(atPath: folder.isEmpty ? "." : folder)
    }

    /// Whether the file system holding `path` has (almost) no free space left.
    private static func hasNoFreeSpace(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        var stats = statvfs()
        guard statvfs(folder.isEmpty ? "." : folder, &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 1 << 20
    }
}
