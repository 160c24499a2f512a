import BillingModel
import ClinicStore
import SyncModel

extension PostgresCentral {
    /// Records one request of a clinic site, with the changes it refused by reason, and keeps
    /// only the site's last ``SyncActivity/keptPerSite`` requests (as the SQLite node does).
    public func recordSyncActivity(_ activity: SyncActivity, clinicID: String, refusals: [String: Int] = [:]) async throws {
        let logger = self.logger
        try await gateway.transaction { connection in
            try await connection.run("""
                INSERT INTO sync_activity (clinic_id, site, kind, at, duration_ms, changes, refused, result)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """, [.text(clinicID), .text(activity.site), .text(activity.kind.rawValue), .integer(activity.atMillis),
                      .integer(activity.durationMillis), .integer(Int64(activity.changes)), .integer(Int64(activity.refused)),
                      .text(activity.result)], logger: logger)
            try await connection.run("""
                DELETE FROM sync_activity WHERE clinic_id = $1 AND site = $2 AND id <= (
                  SELECT id FROM sync_activity WHERE clinic_id = $1 AND site = $2 ORDER BY id DESC LIMIT 1 OFFSET $3)
                """, [.text(clinicID), .text(activity.site), .integer(Int64(SyncActivity.keptPerSite))], logger: logger)
            for (reason, count) in refusals where count > 0 {
                try await connection.run("""
                    INSERT INTO refusal_count (clinic_id, reason, count) VALUES ($1, $2, $3)
                    ON CONFLICT (clinic_id, reason) DO UPDATE SET count = refusal_count.count + excluded.count
                    """, [.text(clinicID), .text(reason), .integer(Int64(count))], logger: logger)
            }
        }
    }

    /// Every enrolled clinic's sync health, longest silent first (or only `clinicID`'s, with
    /// its `recentLimit` newest requests): the same facts as the SQLite node reads. Without
    /// `records`, claims and open conflicts are not counted.
    public func clinicHealth(clinicID: String? = nil, recentLimit: Int? = nil,
                             records: Bool = true) async throws -> [ClinicHealth] {
        let logger = self.logger
        let only: [FieldValue] = [clinicID.map(FieldValue.text) ?? .null]
        return try await gateway.transaction(readOnly: true, isolation: "REPEATABLE READ") { connection in
            var facts: [String: ClinicHealth.Facts] = [:]
            for row in try await connection.rows("""
                SELECT clinic_id, name, enrolled_at, revoked_at FROM clinic_enrollment
                WHERE $1::text IS NULL OR clinic_id = $1::text
                """, only, logger: logger) {
                let (id, name, enrolledAt, revokedAt) = try row.decode((String, String?, Int64, Int64?).self)
                facts[id] = ClinicHealth.Facts(clinicID: id, name: name, enrolledAtMillis: enrolledAt, revokedAtMillis: revokedAt)
            }
            for row in try await connection.rows("""
                SELECT clinic_id, site, kind, at, duration_ms, changes, refused, result FROM sync_activity
                WHERE $1::text IS NULL OR clinic_id = $1::text
                """, only, logger: logger) {
                let (id, site, kind, at, duration, changes, refused, result) =
                    try row.decode((String, String, String, Int64, Int64, Int64, Int64, String).self)
                guard let kind = SyncActivity.Kind(rawValue: kind) else { continue }
                facts[id]?.activities.append(SyncActivity(site: site, kind: kind, atMillis: at, durationMillis: duration,
                                                          changes: Int(changes), refused: Int(refused), result: result))
            }
            for row in try await connection.rows("""
                SELECT clinic_id, reason, count FROM refusal_count WHERE $1::text IS NULL OR clinic_id = $1::text
                """, only, logger: logger) {
                let (id, reason, count) = try row.decode((String, String, Int64).self)
                facts[id]?.refusedByReason[reason] = Int(count)
            }
            if records {
                for row in try await connection.rows("""
                    SELECT owner, count(*) FROM conflict WHERE ($1::text IS NULL OR owner = $1::text) AND status = 0 AND deleted = 0
                    GROUP BY owner
                    """, only, logger: logger) {
                    let (owner, count) = try row.decode((String, Int64).self)
                    facts[owner]?.openConflicts = Int(count)
                }
                for row in try await connection.rows("""
                    SELECT owner, lifecycle % 16, count(*) FROM claim WHERE ($1::text IS NULL OR owner = $1::text) AND deleted = 0
                    GROUP BY owner, lifecycle % 16
                    """, only, logger: logger) {
                    let (owner, stage, count) = try row.decode((String, Int64, Int64).self)
                    guard let stage = ClaimLifecycle.Stage(rawValue: Int(stage)) else { continue }
                    facts[owner]?.claimsByStatus[stage.name] = Int(count)
                }
            }
            return ClinicHealth.bySilence(facts.values.map { ClinicHealth(facts: $0, recentLimit: recentLimit) })
        }
    }
}
