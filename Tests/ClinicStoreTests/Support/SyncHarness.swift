import ClinicStore
import SyncModel

/// Syncs clinic stores with a central store in process (no HTTP), the way the client does:
/// push the outbox in batches, then pull pages, until both are empty.
enum SyncHarness {
    static func sync(_ clinic: LocalStore, with central: LocalStore, batch: Int = 100, page: Int = 100) throws {
        for _ in 0..<20 {
            var moved = false
            while let request = try clinic.nextPush(limit: batch) {
                try clinic.recordPush(try central.acceptPush(request, from: clinic.identity.clinicID))
                moved = true
            }
            var cursor = try clinic.syncStatus().cursor
            while true {
                let response = try central.pull(for: clinic.identity.clinicID, site: clinic.identity.siteID,
                                                since: cursor, limit: page)
                let report = try clinic.applyPull(response)
                if !response.changes.isEmpty { moved = moved || report.written > 0 || report.conflictsCreated > 0 }
                cursor = response.nextCursor
                if !response.hasMore { break }
            }
            if try clinic.nextPush() == nil && !moved { return }
        }
    }

    static func central() throws -> LocalStore {
        try LocalStore.inMemory(role: .central, clinicID: LocalStore.centralOwner,
                                clock: ManualClock(millis: TestStores.epochMillis), ids: .seeded(99))
    }
}
