import BillingModel
import GRDB
import SyncModel

extension LocalStore {
    /// Central node: records one request of a clinic site, with the changes it refused by
    /// reason, and keeps only the site's last ``SyncActivity/keptPerSite`` requests. Local
    /// tables only: nothing is captured or synced.
    public func recordSyncActivity(_ activity: SyncActivity, clinicID: String, refusals: [String: Int] = [:]) throws {
        do {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO sync_activity (clinic_id, site, kind, at, duration_ms, changes, refused, result)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [clinicID, activity.site, activity.kind.rawValue, activity.atMillis,
                                     activity.durationMillis, activity.changes, activity.refused, activity.result])
                try db.execute(sql: """
                    DELETE FROM sync_activity WHERE clinic_id = ?1 AND site = ?2 AND id <= (
                      SELECT id FROM sync_activity WHERE clinic_id = ?1 AND site = ?2 ORDER BY id DESC LIMIT 1 OFFSET ?3)
                    """, arguments: [clinicID, activity.site, SyncActivity.keptPerSite])
                for (reason, count) in refusals where count > 0 {
                    try db.execute(sql: """
                        INSERT INTO refusal_count (clinic_id, reason, count) VALUES (?, ?, ?)
                        ON CONFLICT (clinic_id, reason) DO UPDATE SET count = count + excluded.count
                        """, arguments: [clinicID, reason, count])
                }
            }
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// Central node: every enrolled clinic's sync health, longest silent first (or only
    /// `clinicID`'s, with its `recentLimit` newest requests). Without `records`, claims and open
    /// conflicts are not counted (the metrics' gauges need neither, and counting reads every claim).
    public func clinicHealth(clinicID: String? = nil, recentLimit: Int? = nil, records: Bool = true) throws -> [ClinicHealth] {
        try read { db in
            let only: StatementArguments = [clinicID]
            var facts: [String: ClinicHealth.Facts] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT clinic_id, name, enrolled_at, revoked_at FROM clinic_enrollment WHERE ?1 IS NULL OR clinic_id = ?1
                """, arguments: only) {
                let id: String = row["clinic_id"]
                facts[id] = ClinicHealth.Facts(clinicID: id, name: row["name"], enrolledAtMillis: row["enrolled_at"],
                                               revokedAtMillis: row["revoked_at"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM sync_activity WHERE ?1 IS NULL OR clinic_id = ?1", arguments: only) {
                guard let kind = SyncActivity.Kind(rawValue: row["kind"]) else { continue }
                facts[row["clinic_id"] as String]?.activities.append(SyncActivity(
                    site: row["site"], kind: kind, atMillis: row["at"], durationMillis: row["duration_ms"],
                    changes: row["changes"], refused: row["refused"], result: row["result"]))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT clinic_id, reason, count FROM refusal_count WHERE ?1 IS NULL OR clinic_id = ?1
                """, arguments: only) {
                facts[row["clinic_id"] as String]?.refusedByReason[row["reason"]] = row["count"]
            }
            if records {
                for row in try Row.fetchAll(db, sql: """
                    SELECT owner, count(*) AS n FROM conflict WHERE (?1 IS NULL OR owner = ?1) AND status = 0 AND deleted = 0
                    GROUP BY owner
                    """, arguments: only) {
                    facts[row["owner"] as String]?.openConflicts = row["n"]
                }
                for row in try Row.fetchAll(db, sql: """
                    SELECT owner, lifecycle % 16 AS stage, count(*) AS n FROM claim WHERE (?1 IS NULL OR owner = ?1) AND deleted = 0
                    GROUP BY owner, stage
                    """, arguments: only) {
                    guard let stage = ClaimLifecycle.Stage(rawValue: row["stage"]) else { continue }
                    facts[row["owner"] as String]?.claimsByStatus[stage.name] = row["n"]
                }
            }
            return ClinicHealth.bySilence(facts.values.map { ClinicHealth(facts: $0, recentLimit: recentLimit) })
        }
    }
}
