import ClinicStore
import Foundation
import GRDB
import Testing

/// `Schemas/schema.sql` is the golden dump of the migrated schema; a change to the schema
/// must show up there (set CLINICSYNC_UPDATE_GOLDEN=1 to rewrite it, then review the diff).
@Test func migratedSchemaMatchesTheGoldenFile() throws {
    let store = try TestStores.clinic()
    let dump = try store.read { db in
        try String.fetchAll(db, sql: """
            SELECT sql || ';' FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name
            """)
    }.joined(separator: "\n\n") + "\n"
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas/schema.sql")
    if ProcessInfo.processInfo.environment["CLINICSYNC_UPDATE_GOLDEN"] == "1" {
        try dump.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(dump == expected, "the migrated schema differs from Schemas/schema.sql")
}
