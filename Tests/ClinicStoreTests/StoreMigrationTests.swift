import ClinicStore
import Foundation
import GRDB
import Testing

/// A store written by a build at schema v1 opens in this build with nothing lost: its change
/// log is carried over row for row, what it had not pushed is still pushed, in order, and
/// new changes are numbered after the old ones.
@Suite struct StoreMigrationTests {
    /// A v1 store file with a patient inserted and then renamed, each captured by v1's triggers.
    static func v1Store() throws -> (path: String, patientID: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v1.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v1")
        let patientID = "0190f0d4-0000-7000-8000-000000000001"
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO store_info (id, role, clinic_id, clinic_name, site_id, created_at)
                VALUES (1, 'clinic', 'clinic-a', NULL, 'clinic-a-0000v1', 0);
                INSERT INTO capture_state (id, site_id, hlc, now_ms) VALUES (1, 'clinic-a-0000v1', ?, ?);
                INSERT INTO sync_state (id) VALUES (1);
                """, arguments: [TestStores.epochMillis << 16, TestStores.epochMillis])
            try db.execute(sql: """
                INSERT INTO patient (id, owner, first_name, last_name, dob, sex, member_id)
                VALUES (?, 'clinic-a', 'Jane', 'Doe', '1980-01-01', 'F', 'M123')
                """, arguments: [patientID])
            try db.execute(sql: "UPDATE capture_state SET hlc = hlc + 1")
            try db.execute(sql: "UPDATE patient SET first_name = 'Janet' WHERE id = ?", arguments: [patientID])
        }
        return (path, patientID)
    }

    static func logRows(_ db: Database) throws -> [[DatabaseValue]] {
        try Row.fetchAll(db, sql: "SELECT * FROM change_log ORDER BY seq").map { Array($0.databaseValues) }
    }

    @Test func aV1StoreKeepsItsLogAndPushesItAfterTheUpgrade() throws {
        let (path, patientID) = try Self.v1Store()
        let before = try DatabaseQueue(path: path).read(Self.logRows)
        #expect(before.count == 2)

        let store = try LocalStore.open(at: path, clock: ManualClock(millis: TestStores.epochMillis))
        let after = try store.read(Self.logRows)
        #expect(after == before)
        #expect(try store.patient(id: patientID).firstName == "Janet")

        // New changes are numbered after the old ones, and the outbox holds both, in order.
        try TestStores.seedClaim(in: store)
        let seqs = try store.read { try Int64.fetchAll($0, sql: "SELECT seq FROM change_log ORDER BY seq") }
        #expect(seqs == Array(1...Int64(seqs.count)))
        let push = try #require(try store.nextPush(limit: 1_000))
        #expect(push.changes.count == seqs.count)
        #expect(push.changes.prefix(2).map(\.row) == [patientID, patientID])
        #expect(push.changes[1].field == "first_name")
        #expect(push.changes[1].value == .text("Janet"))

        // The log's sequence is a plain rowid now.
        let (schema, sequenceRows) = try store.read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'change_log'") ?? "",
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_sequence WHERE name LIKE 'change_log%'") ?? -1)
        }
        #expect(!schema.contains("AUTOINCREMENT"))
        #expect(sequenceRows == 0)
    }

    /// Rows pulled from another device of the same clinic are logged once, as that device's
    /// changes: the capture triggers v2 creates again still stand aside while changes are applied.
    @Test func anUpgradedStoreLogsPulledRowsOnceAsTheirSitesChanges() throws {
        let (path, _) = try Self.v1Store()
        let central = try SyncHarness.central()
        let device = try TestStores.clinic("clinic-a", seed: 5)
        let claim = try TestStores.seedClaim(in: device)
        try SyncHarness.sync(device, with: central)

        let store = try LocalStore.open(at: path, clock: ManualClock(millis: TestStores.epochMillis))
        let ownSite = store.identity.siteID
        try SyncHarness.sync(store, with: central)
        #expect(try store.claim(claim.id).lines.count == 2)
        #expect(try store.nextPush(limit: 100) == nil)   // the v1 changes went up and were acknowledged
        let (own, fromDevice, repeated, copies) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE site = ?", arguments: [ownSite]) ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE site = ?", arguments: [device.identity.siteID]) ?? -1,
             try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM change_log WHERE site = ? GROUP BY site_seq HAVING count(*) > 1)
                """, arguments: [device.identity.siteID]) ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log WHERE row_id = ? AND field = '*'", arguments: [claim.id]) ?? -1)
        }
        #expect(own == 2)
        #expect(fromDevice > 0)
        #expect(repeated == 0)
        #expect(copies == 1)
    }
}
