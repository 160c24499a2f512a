import ClinicStore
import GRDB
import Testing

/// Migration v5: a central store made before site binding keeps working — each site already in
/// its log is bound to the one clinic whose rows it wrote; a site whose log names two clinics
/// (a takeover that got in before) is left for its next push to bind.
@Suite struct SiteOwnerMigrationTests {
    @Test func sitesInTheLogAreBoundToTheirOneClinic() throws {
        let queue = try DatabaseQueue()
        let migrator = StoreMigrations.migrator
        try migrator.migrate(queue, upTo: "v3")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO capture_state (id, site_id) VALUES (1, 'central-1')")
            let entries: [(String, String)] = [("alpha-1", "alpha"), ("alpha-1", "alpha"), ("beta-1", "beta"),
                                               ("shared-1", "alpha"), ("shared-1", "beta"), ("central-1", "alpha"),
                                               ("central-1", "central")]
            for (site, owner) in entries {
                try db.execute(sql: """
                    INSERT INTO change_log (tbl, row_id, owner, field, hlc, site, recorded_at)
                    VALUES ('claim', 'r', ?, '*', 1, ?, 0)
                    """, arguments: [owner, site])
            }
        }
        try migrator.migrate(queue)
        let bound = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT site, clinic_id FROM site_owner ORDER BY site").map { "\($0[0] as String)=\($0[1] as String)" }
        }
        #expect(bound == ["alpha-1=alpha", "beta-1=beta"])
    }
}
