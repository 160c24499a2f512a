import ClinicStore
import SyncModel

extension Synchronizer {
    /// Checks, before anything is pushed, that the central node's record of this store's site
    /// is this store's (issue 28), and settles it when not (``SiteVerdict``): a restored or copied
    /// store moves to a new site, a restored node gets again what it lost. Skipped with a node too
    /// old to answer. Returns what the node then holds of the site, which the pushes carry (`nil`
    /// with a node too old to say); what it did goes to `summary` and `progress`.
    func checkSite(into summary: inout SyncSummary, progress: (@Sendable (SyncProgress) -> Void)?) async throws -> SiteAnswer? {
        let store = self.store
        guard let standing = try await client.standing(site: store.identity.siteID, mark: try store.markSeq()) else {
            return nil
        }
        let recovery = try await StoreWork.run { () -> SiteRecovery? in
            let facts = try store.siteFacts(nodeSeq: standing.highestAppliedSeq)
            return try store.settleSite(SiteVerdict.decide(store: facts, node: standing), standing: standing)
        }
        guard let recovery else { return SiteAnswer(seq: standing.highestAppliedSeq, digest: standing.digest) }
        summary.recovery = recovery
        progress?(.siteRecovered(recovery.changes))
        // A new site is one the node has never seen.
        return recovery.kind == .newSite ? SiteAnswer(seq: 0, digest: nil)
            : SiteAnswer(seq: standing.highestAppliedSeq, digest: standing.digest)
    }

    /// Pushes again, under each site this store left, its own changes of that site that the
    /// central node no longer holds (it was restored from a backup older than them); returns how
    /// many the node took.
    func pushRetiredSitesAgain() async throws -> Int {
        let store = self.store, limit = pushBatch
        var pushed = 0
        for retired in try store.retiredSites() {
            guard let standing = try await client.standing(site: retired.site) else { return pushed }
            var after = standing.highestAppliedSeq
            while after < retired.keptThrough,
                  let request = try store.retiredPush(site: retired.site, after: after, through: retired.keptThrough, limit: limit),
                  let last = request.changes.last?.version.seq {
                pushed += try await client.push(PreparedPush(request)).applied.count
                after = last
            }
        }
        return pushed
    }

    /// Keeps the node's mark of its log entry at this store's cursor, which the next sync's
    /// check compares (a node put back to an older state since answers another).
    func keepMark() async throws {
        let store = self.store
        let cursor = try store.syncProgress().cursor
        guard cursor > 0, let standing = try await client.standing(site: store.identity.siteID, mark: cursor) else { return }
        try store.recordMark(seq: cursor, mark: standing.mark)
    }
}
