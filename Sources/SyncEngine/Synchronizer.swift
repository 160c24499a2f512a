import ClinicStore
import Foundation
import SyncModel

/// What one `clinicsync sync` did.
public struct SyncSummary: Codable, Sendable, Equatable {
    /// Local changes the central node acknowledged (applied, merged or already known).
    public var pushed = 0
    /// Local changes the central node refused, with reasons kept for `status`.
    public var refused = 0
    /// Changes received from the central node.
    public var pulled = 0
    /// Received changes that were written here (the rest lost to newer values or were known).
    public var applied = 0
    /// Conflict records created by this sync, here or at the central node.
    public var conflictsCreated = 0
    /// Central code releases downloaded and imported.
    public var releasesImported = 0
    /// The central office's search synonyms added, changed or removed here.
    public var synonymsChanged = 0
    /// Push-then-pull rounds it took to settle.
    public var rounds = 0
    /// The pull cursor after the sync.
    public var cursor: Int64 = 0
    /// Unsynced changes re-stamped because they were made with a clock that ran ahead (issue 27).
    public var restamped = 0
    /// How far this machine's clock was from the central node's at the end of the sync; its
    /// ``ClockDifference/warning`` says what that means when beyond the limit.
    public var clock: ClockDifference?
    /// What the site check at the start did, when it found a restored or copied store or a
    /// restored central node (issue 28); `nil` when the store was in step.
    public var recovery: SiteRecovery?
}

/// Runs a clinic store's sync with a central node: follows ``SyncPlan`` and does the I/O.
/// Each pushed batch and each pulled page is its own transaction, so an interrupted sync
/// resumes where it stopped, with nothing lost and nothing applied twice.
public struct Synchronizer: Sendable {
    /// The clinic store being synced.
    public let store: LocalStore
    /// The connection to the central node (the caller shuts it down).
    public let client: CentralClient
    /// Changes per push request unless set: a request carries its fixed costs (a round trip,
    /// the central node's transaction and commit) for this many changes. The benchmark's push
    /// took 10% less time at 4,000 than at 1,000, side by side.
    public static let defaultPushBatch = 4_000
    /// Changes per push request.
    public var pushBatch = Synchronizer.defaultPushBatch
    /// Changes per pulled page (the server may send fewer).
    public var pullPage = 2_000

    /// A synchronizer for `store` talking through `client`.
    public init(store: LocalStore, client: CentralClient) {
        self.store = store
        self.client = client
    }

    /// Syncs until push and pull are both empty. `progress` hears of each step (``SyncProgress``).
    ///
    /// "Empty" is as of each step: the push phase ends with a batch shorter than
    /// ``pushBatch``, and a pull starts another round only when applying it wrote changes of
    /// this site's own (conflict records, re-assertions). What a coder writes while a sync
    /// runs is pushed if the push phase is still reading, and otherwise waits in the outbox
    /// for the next round or sync: a busy office never keeps a sync from ending.
    ///
    /// Requests still go one at a time and in order; what overlaps is the work around them:
    /// the next outbox batch is read and encoded while a push is in flight, a reply is
    /// recorded while the next batch is in flight (replies are recorded in order, and the
    /// push phase waits for the last one before pulling), and the next pull page is fetched
    /// while the current one is applied (a pull is a read; pages are still applied in order).
    /// A crash before a reply is recorded sends that batch again next time; the central
    /// node knows it and changes nothing.
    ///
    /// A clock that ran ahead never locks the clinic out (issue 27): when this store's hybrid
    /// clock is ahead of its wall clock by more than the skew limit (changes were stamped by a
    /// clock that was wrong and has been put right), the sync first reads the central node's
    /// clock and re-stamps the unsynced changes from it (``LocalStore/restampUnsynced(centralMillis:limitMillis:)``);
    /// and when the central node still refuses a push for clock skew (this machine's clock is
    /// still ahead), it re-stamps from the clock that refusal carried and goes again, once. At
    /// the end it measures this machine's clock against the central node's (``SyncSummary/clock``).
    ///
    /// Each exchange starts with the site check of issue 28 (``checkSite(into:progress:)``), and
    /// each push carries what the check found the node holds of the site: should another store of
    /// the same site push in between, the node refuses the push whole (`site_moved`) and the sync
    /// starts over once, checking the site again.
    public func run(progress: (@Sendable (SyncProgress) -> Void)? = nil) async throws -> SyncSummary {
        do {
            return try await runOnce(progress: progress)
        } catch SyncError.server(status: 409, let body) where body.error == .siteMoved {
            return try await runOnce(progress: progress)
        }
    }

    /// One sync: re-stamps if needed, exchanges, and records it.
    private func runOnce(progress: (@Sendable (SyncProgress) -> Void)?) async throws -> SyncSummary {
        var summary = SyncSummary()
        let limit = HybridLogicalClock.defaultSkewLimitMillis
        if try store.hybridClockAhead(limitMillis: limit) != nil {
            let reading = try await client.centralClock()
            summary.restamped += try await restamp(from: reading, limitMillis: limit, progress: progress)
        }
        do {
            try await exchange(into: &summary, progress: progress)
        } catch let error as SyncError where error.isClockSkew {
            // Refused for a stamp ahead of the central clock: this machine's clock is still ahead.
            // The same limit as before pushing: a change the central node took but whose reply was
            // lost is stamped within it, so it is never re-stamped (its stamp there stays its stamp here).
            guard let reading = client.lastClockReading else { throw error }
            let restamped = try await restamp(from: reading, limitMillis: limit, progress: progress)
            guard restamped > 0 else { throw error }
            summary.restamped += restamped
            try await exchange(into: &summary, progress: progress)
        }
        summary.clock = client.lastClockReading.map {
            ClockDifference(localMillis: store.clock.nowMillis(), centralMillis: $0.centralNowMillis, limitMillis: limit)
        }
        try store.recordSyncCompleted(clock: summary.clock)
        try await keepMark()
        return summary
    }

    /// Re-stamps the unsynced changes stamped more than `limitMillis` ahead of the central clock
    /// `reading` gives; returns how many.
    private func restamp(from reading: CentralClockReading, limitMillis: Int64,
                         progress: (@Sendable (SyncProgress) -> Void)?) async throws -> Int {
        let store = self.store, central = reading.centralNowMillis
        guard let report = try await StoreWork.run({ try store.restampUnsynced(centralMillis: central, limitMillis: limitMillis) })
        else { return 0 }
        if report.changes > 0 {
            progress?(.restamped(report.changes))
        }
        return report.changes
    }

    /// Push, then pull, until both are empty (``SyncPlan``), adding what happened to `summary`.
    private func exchange(into summary: inout SyncSummary, progress: (@Sendable (SyncProgress) -> Void)?) async throws {
        var plan = SyncPlan()
        let store = self.store, client = self.client, pushBatch = self.pushBatch, pullPage = self.pullPage
        var preparedPush: (after: Int64, batch: Task<PreparedPush?, any Error>)?
        var prefetchedPull: (since: Int64, page: Task<PullResponse, any Error>)?
        var replies = ReplyRecording()
        defer {
            preparedPush?.batch.cancel()
            prefetchedPull?.page.cancel()
        }
        var base = try await checkSite(into: &summary, progress: progress)
        summary.pushed += try await pushRetiredSitesAgain()
        do {
            while plan.step != .done {
                if plan.step != .push { try await replies.settle() }
                switch plan.step {
                case .push:
                    let next: PreparedPush?
                    if let prepared = preparedPush, prepared.after == replies.acknowledged {
                        next = try await prepared.batch.value
                    } else {
                        preparedPush?.batch.cancel()
                        try await replies.settle()
                        let current = base
                        next = try await StoreWork.run {
                            try store.nextPush(limit: pushBatch).map { try PreparedPush($0.based(on: current)) }
                        }
                    }
                    preparedPush = nil
                    guard let batch = next else {
                        plan.record(.nothingToPush)
                        continue
                    }
                    base = batch.request.baseAfter
                    if let last = batch.lastSeq {
                        let following = base
                        preparedPush = (last, Task {
                            try await StoreWork.run {
                                try store.nextPush(after: last, limit: pushBatch).map { try PreparedPush($0.based(on: following)) }
                            }
                        })
                    }
                    let response = try await client.push(batch)
                    CrashPoint.clientAfterPushReply.reached()
                    try await replies.record(response, in: store)
                    summary.pushed += response.applied.count
                    summary.refused += response.refused.count
                    summary.conflictsCreated += response.conflictsCreated
                    progress?(.pushed(summary.pushed))
                    // A batch shorter than asked drained the outbox as it stood when read; what the
                    // coder writes after that waits for the next round or the next sync.
                    plan.record(.pushed(outboxEmpty: batch.request.changes.count < pushBatch))
                case .pull:
                    let cursor = try store.syncProgress().cursor
                    let page: PullResponse
                    if let prefetched = prefetchedPull, prefetched.since == cursor {
                        page = try await prefetched.page.value
                    } else {
                        prefetchedPull?.page.cancel()
                        page = try await client.pull(since: cursor, limit: pullPage, site: store.identity.siteID)
                    }
                    prefetchedPull = nil
                    if page.hasMore {
                        let since = page.nextCursor, site = store.identity.siteID
                        prefetchedPull = (since, Task { try await client.pull(since: since, limit: pullPage, site: site) })
                    }
                    let report = try await StoreWork.run { try store.applyPull(page) }
                    CrashPoint.clientAfterPullCommit.reached()
                    summary.pulled += page.changes.count
                    summary.applied += report.written
                    summary.conflictsCreated += report.conflictsCreated
                    summary.cursor = page.nextCursor
                    if !page.changes.isEmpty { progress?(.pulled(summary.pulled)) }
                    plan.record(.pulled(hasMore: page.hasMore, wroteLocally: report.wroteLocalChanges))
                case .fetchReleases:
                    summary.releasesImported += try await fetchReleases(progress: progress)
                    summary.synonymsChanged += try await fetchSynonyms()
                    plan.record(.releasesFetched)
                case .done:
                    break
                }
            }
            try await replies.settle()
        } catch {
            try? await replies.settle()
            throw error
        }
        if plan.gaveUp { throw SyncError.didNotSettle(rounds: plan.maxRounds) }
        summary.rounds += plan.round
    }

    /// Downloads the central releases this store does not have.
    private func fetchReleases(progress: (@Sendable (SyncProgress) -> Void)?) async throws -> Int {
        let have = Set(try store.releases().map(\.id))
        var imported = 0
        for release in try await client.releases() where !have.contains(release.id) {
            progress?(.downloadingRelease(release.name))
            if try store.importReleaseFile(try await client.releaseFile(id: release.id)) { imported += 1 }
        }
        return imported
    }

    /// Makes the central office's synonyms here the set it publishes now; a central node from
    /// before synonyms were published (404) leaves the ones held as they are.
    private func fetchSynonyms() async throws -> Int {
        let published: [OfficeSynonym]
        do {
            published = try await client.synonyms()
        } catch SyncError.server(404, _), SyncError.unexpectedResponse(404, _) {
            return 0
        }
        let store = self.store
        return try await StoreWork.run { try store.receiveCentralSynonyms(published) }
    }
}
