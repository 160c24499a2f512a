import ClinicStore
import GRDB
import SyncModel
import Testing

/// A change the central node refuses stays at the clinic, counted in the status and listed
/// with its reason, so someone can correct it; what was typed is not lost.
@Suite struct PushRefusalTests {
    @Test func aRefusedChangeIsListedWithItsReasonAndKeptLocally() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("alpha", seed: 1)
        let shared = try central.addPayer(payerID: "SHARED1", name: "Shared Plan")
        try TestStores.seedClaim(in: alpha)
        _ = try central.enroll(clinicID: "alpha")
        try SyncHarness.sync(alpha, with: central)
        #expect(try alpha.pushRefusals().isEmpty)

        // The clinic renames the central office's shared payer (raw SQL: the CLI offers no way),
        // which is captured like any write, and read-only for clinics at the central node.
        try alpha.write(author: "front desk") { db in
            try db.execute(sql: "UPDATE payer SET name = 'Renamed Here' WHERE id = ?", arguments: [shared.id])
        }
        try SyncHarness.sync(alpha, with: central)

        let refusals = try alpha.pushRefusals()
        #expect(refusals.count == 1)
        let refusal = try #require(refusals.first)
        #expect(refusal.table == "payer" && refusal.row == shared.id && refusal.field == "name")
        #expect(refusal.reason == ErrorCode.readOnlyTable.rawValue)
        #expect(refusal.message.contains("read-only"))
        #expect(refusal.refusedAtMillis == TestStores.epochMillis)
        #expect(try alpha.syncStatus().refusedChanges == 1)
        #expect(try alpha.syncStatus().outbox == 0)
        // Kept at the clinic, unchanged at the central node.
        #expect(try alpha.payer(shared.id).name == "Renamed Here")
        #expect(try central.payer(shared.id).name == "Shared Plan")
    }
}
