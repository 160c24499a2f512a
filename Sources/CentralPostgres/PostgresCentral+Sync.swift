import ClinicStore
import SyncModel

extension PostgresCentral {
    /// Applies one pushed batch from an enrolled clinic in one transaction, under the write
    /// lock, and answers only once it is committed. Same contract as `LocalStore.acceptPush`:
    /// whole-request problems throw and change nothing, a change that breaks a rule is refused
    /// alone, a replayed batch changes nothing and is answered the same way.
    public func acceptPush(_ request: PushRequest, from clinicID: String,
                           skewLimitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) async throws -> PushResponse {
        let now = clock.nowMillis()
        let (own, foreign) = try PushChecks.check(request, from: clinicID, limits: PushChecks.Limits(
            schemaVersion: StoreMigrations.schemaVersion, centralSite: siteID, nowMillis: now,
            skewLimitMillis: skewLimitMillis))
        let schema = configuration.schema, siteID = self.siteID, logger = self.logger
        return try await gateway.transaction { connection in
            let context = try await WriteContext.begin(connection, schema: schema, siteID: siteID, nowMillis: now,
                                                       logger: logger)
            try await Self.bind(site: request.siteID, to: clinicID, in: context)
            try await Self.checkBase(of: request, in: context)
            let plan = try await self.plan(own, screen: ApplyPlanner.Screen(
                clinicID: clinicID, siteID: request.siteID, logHead: context.head), in: context)
            let created = try await self.execute(plan, in: context)
            try await Self.recordAnswer(highestAnswered: plan.highestAnswered, of: own, site: request.siteID, in: context)
            try await context.finish()
            return plan.response(conflictsCreated: created, foreign: foreign)
        }
    }

    /// Binds `site` to `clinicID` at its first push; throws (and the transaction changes
    /// nothing) when another clinic holds it.
    static func bind(site: String, to clinicID: String, in context: WriteContext) async throws {
        let bound = try await context.rows("SELECT clinic_id FROM site_owner WHERE site = $1", [.text(site)])
            .first.map { try $0.decode(String.self) }
        if try PushChecks.binding(site: site, boundTo: bound, clinicID: clinicID) {
            try await context.run("INSERT INTO site_owner (site, clinic_id, bound_at) VALUES ($1, $2, $3)",
                                  [.text(site), .text(clinicID), .integer(context.nowMillis)])
        }
    }

    /// The changes a clinic may see after `since`: its own rows and central reference data,
    /// never another clinic's, leaving out the pulling site's own; from `since = 0`, the
    /// current state of the scope (the latest entry of each row and field), not every edit. Read in one snapshot with no
    /// lock: since server sequences are handed out in commit order, a snapshot holds every
    /// change up to its log head, and the next cursor never passes one it has not returned.
    public func pull(for clinicID: String, site: String, since: Int64, limit: Int) async throws -> PullResponse {
        try PullPaging.checkCursor(since)
        let pageSize = PullPaging.pageSize(limit: limit)
        let now = clock.nowMillis(), logger = self.logger
        return try await gateway.transaction(readOnly: true, isolation: "REPEATABLE READ") { connection in
            guard let state = try await connection.rows("SELECT log_head, hlc FROM central_state", logger: logger).first else {
                throw StoreError.corrupt(path: "PostgreSQL", detail: "missing central_state")
            }
            let (head, hlc) = try state.decode((Int64, Int64).self)
            try PullPaging.checkCursor(since, head: head)
            // The page's reach first: the first `pageSize` applied entries of the scope after the
            // cursor, walked in order on the (owner, seq) index and stopping there, so a page
            // costs its own size, not the rest of the log. (One query that also filtered and
            // limited would read every remaining entry of the scope for each page.)
            let reach = try await connection.rows("""
                SELECT max(seq), count(*) FROM (SELECT seq FROM (
                  (SELECT seq FROM change_log WHERE owner = $3 AND seq > $1 AND seq <= $2 AND applied ORDER BY seq LIMIT $5)
                  UNION ALL
                  (SELECT seq FROM change_log WHERE owner = $4 AND seq > $1 AND seq <= $2 AND applied ORDER BY seq LIMIT $5)
                ) AS both_owners ORDER BY seq LIMIT $5) AS page
                """, [.integer(since), .integer(head), .text(clinicID), .text(LocalStore.centralOwner),
                      .integer(Int64(pageSize))], logger: logger)
            let (upper, reached) = try reach.first.map { try $0.decode((Int64?, Int64).self) } ?? (nil, Int64(0))
            let (next, hasMore) = PullPaging.next(reached: Int(reached), lastReached: upper, since: since, head: head,
                                                  pageSize: pageSize)
            // As at the SQLite node, only the latest applied entry of each (row, field) is served:
            // a new clinic gets a compacted snapshot of its scope, and later pulls skip entries
            // already superseded (a superseding entry has a higher sequence, so no page boundary
            // hides one). The other site's entries are left out; the cursor still moves past them.
            let rows = try await connection.rows("""
                SELECT \(LogEntry.columns) FROM change_log AS c
                WHERE c.seq > $1 AND c.seq <= $2 AND c.owner IN ($3, $4) AND c.site <> $5 AND c.applied
                  AND c.seq = (SELECT max(l.seq) FROM change_log AS l
                               WHERE l.tbl = c.tbl AND l.row_id = c.row_id AND l.field = c.field AND l.applied)
                ORDER BY c.seq
                """, [.integer(since), .integer(upper ?? since), .text(clinicID), .text(LocalStore.centralOwner),
                      .text(site)], logger: logger)
            let changes = try rows.map(LogEntry.change(from:))
            return PullResponse(changes: changes, nextCursor: next, hasMore: hasMore,
                                serverClock: max(HLC(bitPattern: hlc), HLC(millis: now)))
        }
    }
}
