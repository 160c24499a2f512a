import BillingModel
import GRDB

extension LocalStore {
    /// The open claims (not yet submitted in their round, or rejected and in rework; not voided
    /// or replaced) that `release` touches (DESIGN §13): a line governed by it uses a code it
    /// deletes from the release before it, or the claim's dates of service straddle its start.
    ///
    /// The same at a clinic (its own claims) and at the central office (every clinic's).
    /// The rules are ``BillingModel/ReleaseImpact/assess(_:release:system:deleted:)``.
    public func releaseImpact(_ key: String, system: CodeSystem? = nil) throws -> ReleaseImpactReport {
        try read { db in
            let release = try Self.release(named: key, system: system, db)
            let previous = try Self.previousRelease(of: release, db)
            var deleted: Set<String> = []
            if let previous, release.system.hasCodeList {
                deleted = Set(try Self.codes(in: previous.id, notIn: release.id, system: release.system, db).map(\.code))
            }
            let claims = try ClaimRecord.filter(ClaimRecord.Columns.deleted == 0).order(ClaimRecord.Columns.id).fetchAll(db)
                .map { $0.claim(lines: try Self.fetchLines(db, claimID: $0.id)) }
            return try ReleaseImpactReport.build(release: release, previous: previous, deleted: deleted, claims: claims)
        }
    }
}
