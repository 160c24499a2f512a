import GRDB

extension StoreMigrations {
    /// The migrations this build knows, oldest first (`v1`, `v2`): a store that has applied all
    /// of them is current.
    public static var identifiers: [String] { migrator.migrations }
}

extension LocalStore {
    /// The version of the SQLite library this program runs on (`3.40.1`).
    public static var sqliteVersion: String {
        (try? DatabaseQueue().read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }) ?? "unknown"
    }

    /// The migrations this store has applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in
            let applied = try StoreMigrations.migrator.appliedIdentifiers(db)
            return StoreMigrations.identifiers.filter(applied.contains)
        }
    }
}
