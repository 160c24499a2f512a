import CentralServer
import ClinicStore
import Foundation
import SyncModel

/// Clinic stores and syncs straight against a backend (no HTTP), as the routes call it.
enum Clinic {
    /// A clinic store in memory.
    static func store(_ id: String, seed: UInt64, clock: any StoreClock = SystemClock()) throws -> LocalStore {
        try LocalStore.inMemory(role: .clinic, clinicID: id, clock: clock, ids: .seeded(seed))
    }
}

extension CentralBackend {
    /// Pushes the store's outbox and pulls until both are empty, as `Synchronizer` does.
    func sync(_ store: LocalStore, batch: Int = 100, page: Int = 100) async throws {
        for _ in 0..<20 {
            var moved = false
            while let request = try store.nextPush(limit: batch) {
                try store.recordPush(try await push(request, from: store.identity.clinicID))
                moved = true
            }
            while true {
                let pulled = try await pull(for: store.identity.clinicID, site: store.identity.siteID,
                                            since: try store.syncStatus().cursor, limit: page)
                let report = try store.applyPull(pulled)
                moved = moved || report.written > 0 || report.conflictsCreated > 0
                if !pulled.hasMore { break }
            }
            if try store.nextPush() == nil && !moved { return }
        }
    }

    /// A push with the default clock-skew limit.
    func push(_ request: PushRequest, from clinicID: String) async throws -> PushResponse {
        try await acceptPush(request, from: clinicID, skewLimitMillis: HybridLogicalClock.defaultSkewLimitMillis)
    }

    /// Everything in `clinic`'s scope, as an outside site pulls it, one page.
    func everything(for clinic: String) async throws -> [Change] {
        try await pull(for: clinic, site: "observer", since: 0, limit: LocalStore.maxPullLimit).changes
    }
}
