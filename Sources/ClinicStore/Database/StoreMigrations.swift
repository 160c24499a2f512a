import GRDB
import SyncModel

/// The store's schema history. A shipped migration never changes: add a new one.
///
/// The schema version on the wire (DESIGN §4) is ``StoreMigrations/schemaVersion``; it
/// moves with every migration that changes synced tables.
public enum StoreMigrations {
    /// The wire schema version this build writes: the catalogue's (``SyncModel/SyncCatalogue/current``).
    /// A central node serves clinics at this version and the one before (DESIGN §4 "Upgrades roll").
    public static let schemaVersion = SyncCatalogue.current.version

    /// The migrator with every migration registered, in order.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for statement in V1.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v2") { db in
            for statement in V2.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v3") { db in
            for statement in V3.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v4") { db in
            for statement in V4.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v5") { db in
            for statement in V5.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v6") { db in
            for statement in V6.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v7") { db in
            for statement in V7.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v8") { db in
            for statement in V8.statements { try db.execute(sql: statement) }
        }
        return migrator
    }
}
