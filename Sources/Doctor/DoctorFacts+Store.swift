import ClinicStore
import Foundation
import GRDB

extension DoctorFacts {
    /// Reads what the checks need from the store file and the file system (no network):
    /// the file's mode before opening, then `PRAGMA quick_check`, the migrations, free space,
    /// and for a clinic its outbox, last sync, refusals and open conflicts. A store that will
    /// not open is reported in ``openError`` instead of thrown.
    public static func gather(path: String, clock: any StoreClock) -> (facts: DoctorFacts, store: LocalStore?) {
        var facts = DoctorFacts(path: path, nowMillis: clock.nowMillis())
        var info = stat()
        if stat(path, &info) == 0 { facts.fileMode = UInt16(info.st_mode & 0o7777) }
        let folder = (path as NSString).deletingLastPathComponent
        var space = statvfs()
        if statvfs(folder.isEmpty ? "." : folder, &space) == 0 {
            facts.freeDiskBytes = Int64(space.f_bavail) * Int64(space.f_frsize)
        }
        let store: LocalStore
        do {
            store = try LocalStore.open(at: path, clock: clock)
        } catch {
            facts.openError = String(describing: error)
            return (facts, nil)
        }
        facts.role = store.identity.role.rawValue
        facts.clinicID = store.identity.clinicID
        facts.siteID = store.identity.siteID
        facts.knownMigrations = StoreMigrations.identifiers
        do {
            facts.appliedMigrations = try store.appliedMigrations()
            facts.quickCheck = try store.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
            try facts.readSyncState(of: store)
        } catch {
            facts.quickCheck = facts.quickCheck.isEmpty ? ["cannot read the store: \(error)"] : facts.quickCheck
        }
        return (facts, store)
    }

    /// Outbox, last sync, refusals and open conflicts (all roles count conflicts).
    private mutating func readSyncState(of store: LocalStore) throws {
        let site = store.identity.siteID
        let status = try store.syncStatus()
        openConflicts = status.openConflicts
        oldestConflictMillis = try store.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT min(l.recorded_at) FROM conflict AS c JOIN change_log AS l ON l.tbl = 'conflict' AND l.row_id = c.id
                WHERE c.status = 0 AND c.deleted = 0
                """)
        }
        guard store.identity.role == .clinic else { return }
        serverURL = status.serverURL
        outboxCount = status.outbox
        lastSyncMillis = status.lastSyncMillis
        refusedChanges = status.refusedChanges
        restoredAtMillis = status.restoredAtMillis
        lastRecovery = status.recovery
        lastRecoveryMillis = status.recoveryAtMillis
        outboxOldestMillis = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT min(recorded_at) FROM change_log WHERE seq > ? AND site = ?",
                               arguments: [status.pushedSeq, site])
        }
    }
}
