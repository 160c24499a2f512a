import SyncModel

/// The sync protocol of DESIGN §4 between clinic replicas and the central replica.
extension SimReplica {
    // MARK: Central side

    /// Applies a clinic's push: each change not seen before is logged with the next server
    /// sequence and merged; changes seen before are answered with their server sequence.
    mutating func handlePush(_ request: PushRequest, now: Int64) -> PushResponse {
        precondition(isCentral)
        var applied: [Int64] = []
        var serverSeqs: [Int64] = []
        var refused: [RefusedChange] = []
        var created = 0
        for change in request.changes {
            let seq = change.version.seq
            if seq <= highestSeq[request.siteID, default: 0] {
                if let known = serverSeqByKey[change.key] {
                    applied.append(seq)
                    serverSeqs.append(known)
                }
                continue
            }
            guard change.version.site == request.siteID, change.owner == request.clinicID else {
                refused.append(RefusedChange(seq: seq, reason: .outOfScope, message: "not this clinic's row"))
                continue
            }
            if let skew = HybridLogicalClock.skew(of: change.version.hlc, nowMillis: now + clockOffset) {
                refused.append(RefusedChange(seq: seq, reason: .clockSkew, message: skew.description))
                continue
            }
            var logged = change
            logged.serverSeq = Int64(log.count) + 1
            log.append(logged)
            serverSeqByKey[logged.key] = logged.serverSeq
            highestSeq[request.siteID] = seq
            created += receive(logged, now: now)
            applied.append(seq)
            serverSeqs.append(logged.serverSeq!)
        }
        return PushResponse(applied: applied, refused: refused,
                            highestAppliedSeq: highestSeq[request.siteID, default: 0], serverSeqs: serverSeqs,
                            conflictsCreated: created)
    }

    /// The next page of the clinic's scope after `since`: its own rows and central reference
    /// data, written by anyone but the clinic itself.
    func servePull(for clinic: String, since: Int64, limit: Int) -> PullResponse {
        precondition(isCentral)
        var changes: [Change] = []
        var cursor = since
        var index = Int(since)
        while index < log.count, changes.count < limit {
            let change = log[index]
            cursor = change.serverSeq!
            if Self.inScope(owner: change.owner, of: clinic), change.version.site != clinic { changes.append(change) }
            index += 1
        }
        if index == log.count { cursor = Int64(log.count) }
        return PullResponse(changes: changes, nextCursor: cursor, hasMore: cursor < Int64(log.count),
                            serverClock: clock.last)
    }

    static func inScope(owner: String, of clinic: String) -> Bool {
        owner == clinic || owner == SyncSchema.centralSite
    }

    // MARK: Clinic side

    /// The next push batch from the front of the outbox.
    func pushRequest(limit: Int) -> PushRequest {
        PushRequest(schemaVersion: 1, clinicID: site, siteID: site, changes: Array(outbox.prefix(limit)))
    }

    /// Drops what the central node holds from the outbox and records the server sequences.
    mutating func applyPushResponse(_ response: PushResponse) {
        if !response.refused.isEmpty { violations.append("\(site): refused \(response.refused)") }
        let serverSeqs = response.serverSeqBySiteSeq
        outbox.removeAll { serverSeqs[$0.version.seq] != nil }
        for key in rows.keys {
            for (field, state) in rows[key]!.fields where state.version.site == site {
                if let serverSeq = serverSeqs[state.version.seq] { rows[key]!.fields[field]!.serverSeq = serverSeq }
            }
        }
    }

    /// Applies a pulled page (in one transaction, with the cursor). Returns how many changes
    /// were merged (replayed ones are skipped).
    @discardableResult
    mutating func applyPage(_ page: PullResponse, now: Int64) -> Int {
        clock.observe(page.serverClock)
        var merged = 0
        for change in page.changes {
            guard let serverSeq = change.serverSeq, serverSeq > cursor,
                  change.version.seq > highestSeq[change.version.site, default: 0] else { continue }
            highestSeq[change.version.site] = change.version.seq
            receive(change, now: now)
            merged += 1
        }
        cursor = max(cursor, page.nextCursor)
        return merged
    }
}
