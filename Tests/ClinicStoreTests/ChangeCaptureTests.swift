import BillingModel
import ClinicStore
import GRDB
import Testing

/// DESIGN §3: every write to a synced table is captured in the same transaction.
@Suite struct ChangeCaptureTests {
    struct Captured: Equatable {
        var table: String
        var field: String
    }

    func changes(_ store: LocalStore, row: String? = nil) throws -> [Captured] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT tbl, field FROM change_log WHERE ?1 IS NULL OR row_id = ?1 ORDER BY seq",
                             arguments: [row]).map { Captured(table: $0["tbl"], field: $0["field"]) }
        }
    }

    @Test func aRolledBackTransactionLeavesNeitherRowNorChange() throws {
        let store = try TestStores.clinic()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { db in
                try db.execute(sql: """
                    INSERT INTO payer (id, owner, payer_id, name) VALUES ('p1', 'clinic-a', 'X1', 'Plan')
                    """)
                throw Boom()
            }
        }
        #expect(try store.payers().isEmpty)
        #expect(try changes(store).isEmpty)
    }

    @Test func aFailedCaptureRefusesTheWriteItself() throws {
        let store = try TestStores.clinic()
        try store.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER fail_capture BEFORE INSERT ON change_log BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
        }
        #expect(throws: (any Error).self) { try store.addPayer(payerID: "X1", name: "Plan") }
        #expect(try store.payers().isEmpty)
    }

    @Test func everyApiWritePathIsCaptured() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        let all = try changes(store)
        for table in ["patient", "provider", "payer", "claim", "service_line"] {
            #expect(all.contains(Captured(table: table, field: "*")), "no insert captured for \(table)")
        }
        _ = try store.setClaimField(claim.id, field: .notes, value: "call back")
        _ = try store.setLine(claim: claim.id, lineNumber: 2, LineInput(charge: "30.00"))
        _ = try store.removeLine(claim: claim.id, lineNumber: 2)
        let lineID = claim.lines[1].id
        #expect(try changes(store, row: lineID) == [
            Captured(table: "service_line", field: "*"), Captured(table: "service_line", field: "charge_cents"),
            Captured(table: "service_line", field: "deleted"),
        ])
        #expect(try changes(store, row: claim.id).contains(Captured(table: "claim", field: "notes")))
    }

    /// Raw SQL (any path, not only the typed API) is captured too, one change per changed field.
    @Test(arguments: [
        ("patient", "INSERT INTO patient (id, owner, first_name, last_name, dob, sex, member_id) VALUES ('r1', 'clinic-a', 'A', 'B', '1990-01-01', 'F', 'M1')",
         "UPDATE patient SET last_name = 'C', zip = '62701' WHERE id = 'r1'", ["last_name", "zip"]),
        ("provider", "INSERT INTO provider (id, owner, npi, name) VALUES ('r1', 'clinic-a', '1234567893', 'P')",
         "UPDATE provider SET name = 'Q' WHERE id = 'r1'", ["name"]),
        ("payer", "INSERT INTO payer (id, owner, payer_id, name) VALUES ('r1', 'clinic-a', 'X', 'Plan')",
         "UPDATE payer SET filing_indicator = 'MB', name = 'Plan B' WHERE id = 'r1'", ["name", "filing_indicator"]),
        ("claim", "INSERT INTO claim (id, owner, claim_number, patient_id, payer_id, billing_npi) VALUES ('r1', 'clinic-a', 'C1', 'p', 'y', '1234567893')",
         "UPDATE claim SET notes = 'n', lifecycle = 17 WHERE id = 'r1'", ["notes", "lifecycle"]),
        ("service_line", "INSERT INTO service_line (id, owner, claim_id, line_number, procedure_code, units, charge_cents, service_date, dx_pointers) VALUES ('r1', 'clinic-a', 'c', 1, '99213', 1, 100, '2025-01-01', '1')",
         "UPDATE service_line SET units = 2, deleted = 1 WHERE id = 'r1'", ["units", "deleted"]),
    ])
    func rawSQLWritesAreCaptured(table: String, insert: String, update: String, fields: [String]) throws {
        let store = try TestStores.clinic()
        try store.write { db in
            try db.execute(sql: insert)
            try db.execute(sql: update)
            try db.execute(sql: update) // no change: nothing more to capture
        }
        let captured = try changes(store, row: "r1")
        #expect(captured.first == Captured(table: table, field: "*"))
        #expect(Set(captured.dropFirst().map(\.field)) == Set(fields))
        #expect(captured.count == 1 + fields.count)
    }

    @Test func hardDeletesAndIdentityChangesAreRefused() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        #expect(throws: (any Error).self) {
            try store.write { db in try db.execute(sql: "DELETE FROM claim WHERE id = ?", arguments: [claim.id]) }
        }
        #expect(throws: (any Error).self) {
            try store.write { db in try db.execute(sql: "UPDATE claim SET owner = 'clinic-b' WHERE id = ?", arguments: [claim.id]) }
        }
        #expect(try store.claim(claim.id).clinicID == "clinic-a")
    }

    @Test func aFieldChangeRecordsTheVersionItReplaced() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        _ = try store.setClaimField(claim.id, field: .notes, value: "first")
        _ = try store.setClaimField(claim.id, field: .notes, value: "second")
        struct Logged: Sendable {
            var seq: Int64, hlc: Int64, site: String, prevHLC: Int64?, prevSeq: Int64?
        }
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, hlc, site, prev_hlc, prev_seq FROM change_log
                WHERE row_id = ? AND field IN ('*', 'notes') ORDER BY seq
                """, arguments: [claim.id]).map {
                Logged(seq: $0["seq"], hlc: $0["hlc"], site: $0["site"], prevHLC: $0["prev_hlc"], prevSeq: $0["prev_seq"])
            }
        }
        #expect(rows.count == 3)
        let insert = rows[0], first = rows[1], second = rows[2]
        #expect(first.prevSeq == insert.seq)
        #expect(second.prevSeq == first.seq)
        #expect(second.prevHLC == first.hlc)
        #expect(second.hlc > first.hlc)
        #expect(second.site == store.identity.siteID)
    }

    @Test func historyShowsWhoChangedWhatAndWhere() throws {
        let store = try TestStores.clinic()
        let claim = try TestStores.seedClaim(in: store)
        _ = try store.setClaimField(claim.id, field: .notes, value: "call back", author: "maria")
        let history = try store.claimHistory(claim.claimNumber)
        let last = try #require(history.last)
        #expect(last.field == "notes" && last.value == "call back" && last.author == "maria")
        #expect(last.site == store.identity.siteID)
        #expect(history.contains { $0.table == "service_line" && $0.lineNumber == 2 && $0.field == "*" })
    }
}
