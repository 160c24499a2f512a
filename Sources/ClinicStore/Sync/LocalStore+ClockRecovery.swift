import Foundation
import GRDB
import SyncModel

/// What re-stamping a clinic's unsynced changes did (issue 27).
public struct RestampReport: Codable, Sendable, Equatable {
    /// How many unsynced changes got a new stamp (their site sequences did not change).
    public var changes: Int
    /// The first re-stamped log sequence, when any.
    public var firstSeq: Int64?
    /// The last re-stamped log sequence, when any.
    public var lastSeq: Int64?
    /// How far the store's hybrid clock was ahead of the central node's clock, in milliseconds.
    public var aheadMillis: Int64
    /// The central node's clock the changes were re-stamped from (milliseconds since 1970).
    public var centralMillis: Int64
}

extension LocalStore {
    /// Clinic: when this store's hybrid clock is more than `limitMillis` ahead of the central
    /// node's clock (`centralMillis`), re-stamps the unsynced changes stamped beyond that and the
    /// hybrid clock itself (see ``RestampPlan``), in one transaction; `nil` when the clock was not
    /// ahead. Keys (site, sequence), values and order stay; each change's "version it replaced"
    /// follows its new stamp, and so do open conflict records that name it; each re-stamped change
    /// is recorded in the audit trail (`clock_restamp`, shown by `claim history`).
    ///
    /// Only changes the central node has not acknowledged are touched: they were never accepted
    /// anywhere, so no other replica holds their old stamps.
    @discardableResult
    public func restampUnsynced(centralMillis: Int64,
                                limitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) throws -> RestampReport? {
        guard identity.role == .clinic else { return nil }
        let site = identity.siteID
        let now = clock.nowMillis()
        return try write { db in
            let pushed = try Int64.fetchOne(db, sql: "SELECT pushed_seq FROM sync_state") ?? 0
            let clock = HLC(bitPattern: try Int64.fetchOne(db, sql: "SELECT hlc FROM capture_state") ?? 0)
            // Everything this store holds or compared its changes with, but will not re-stamp: its
            // pushed changes, what it received (logged when applied; `received_hlc` also covers
            // what it merged away), and the sides of its conflict records from other sites.
            let logged = try Int64.fetchOne(db, sql: "SELECT max(hlc) FROM change_log WHERE NOT (seq > ? AND site = ?)",
                                            arguments: [pushed, site]) ?? 0
            let received = try Int64.fetchOne(db, sql: "SELECT received_hlc FROM sync_state") ?? 0
            let named = try String.fetchAll(db, sql: "SELECT winner_version FROM conflict UNION SELECT loser_version FROM conflict")
                .compactMap(Version.init(token:)).filter { $0.site != site }.map(\.hlc).max() ?? .zero
            let settled = max(HLC(bitPattern: max(logged, received)), named)
            let pending = try Row.fetchAll(db, sql: """
                SELECT seq, hlc, recorded_at FROM change_log WHERE seq > ? AND site = ? ORDER BY seq
                """, arguments: [pushed, site]).map {
                RestampPlan.Pending(seq: $0[0], hlc: HLC(bitPattern: $0[1]), recordedAtMillis: $0[2])
            }
            guard let plan = RestampPlan.make(pending: pending, settled: settled,
                                              clock: clock, referenceMillis: centralMillis, limitMillis: limitMillis)
            else { return nil }
            try Self.apply(plan, site: site, pushed: pushed, now: now, db)
            CrashPoint.clientMidRestamp.reached()
            return RestampReport(changes: plan.stamps.count, firstSeq: plan.stamps.map(\.seq).min(),
                                 lastSeq: plan.stamps.map(\.seq).max(), aheadMillis: clock.millis - centralMillis,
                                 centralMillis: centralMillis)
        }
    }

    /// Writes `plan` inside the caller's transaction, capture off (nothing here is a new change).
    private static func apply(_ plan: RestampPlan, site: String, pushed: Int64, now: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE capture_state SET applying = 1")
        let newStamp = Dictionary(plan.stamps.map { ($0.seq, $0.new) }, uniquingKeysWith: { first, _ in first })
        let setStamp = try db.cachedStatement(sql: "UPDATE change_log SET hlc = ? WHERE seq = ?")
        let audit = try db.cachedStatement(sql: """
            INSERT INTO clock_restamp (seq, original_hlc, restamped_at, central_clock) VALUES (?, ?, ?, ?)
            ON CONFLICT (seq) DO UPDATE SET restamped_at = excluded.restamped_at, central_clock = excluded.central_clock
            """)
        for stamp in plan.stamps {
            try setStamp.execute(arguments: [stamp.new.bitPattern, stamp.seq])
            try audit.execute(arguments: [stamp.seq, stamp.old.bitPattern, now, plan.referenceMillis])
        }
        // The version each later change replaced, where that is a re-stamped change: only unsynced
        // changes of this site can name one (nobody else has seen them).
        let replacing = try Row.fetchAll(db, sql: """
            SELECT seq, prev_seq FROM change_log WHERE seq > ? AND prev_site = ? AND prev_seq IS NOT NULL
            """, arguments: [pushed, site])
        let setReplaced = try db.cachedStatement(sql: "UPDATE change_log SET prev_hlc = ? WHERE seq = ?")
        for row in replacing {
            let seq: Int64 = row[0], replacedSeq: Int64 = row[1]
            if let stamp = newStamp[replacedSeq] { try setReplaced.execute(arguments: [stamp.bitPattern, seq]) }
        }
        try retoken(plan, site: site, pushed: pushed, db)
        try db.execute(sql: "UPDATE capture_state SET hlc = ?, applying = 0", arguments: [plan.clock.bitPattern])
    }

    /// Conflict records this store made that name a re-stamped version (as winner or loser) name
    /// its new stamp, in the record and in its unsynced log entries.
    private static func retoken(_ plan: RestampPlan, site: String, pushed: Int64, _ db: Database) throws {
        var named = Set(try String.fetchAll(db, sql: "SELECT winner_version FROM conflict"))
        named.formUnion(try String.fetchAll(db, sql: "SELECT loser_version FROM conflict"))
        guard !named.isEmpty else { return }
        for stamp in plan.stamps {
            let old = Version(hlc: stamp.old, site: site, seq: stamp.seq).token
            guard named.contains(old) else { continue }
            let new = Version(hlc: stamp.new, site: site, seq: stamp.seq).token
            try db.execute(sql: "UPDATE conflict SET winner_version = ? WHERE winner_version = ?", arguments: [new, old])
            try db.execute(sql: "UPDATE conflict SET loser_version = ? WHERE loser_version = ?", arguments: [new, old])
            try db.execute(sql: """
                UPDATE change_log SET value = replace(value, ?, ?)
                WHERE seq > ? AND site = ? AND tbl = 'conflict' AND instr(value, ?) > 0
                """, arguments: [old, new, pushed, site, old])
        }
    }

    /// This store's hybrid clock: the latest stamp it issued or observed.
    public func hybridClock() throws -> HLC {
        try read { db in HLC(bitPattern: try Int64.fetchOne(db, sql: "SELECT hlc FROM capture_state") ?? 0) }
    }

    /// How far this store's hybrid clock is ahead of its wall clock, when more than `limitMillis`:
    /// changes were stamped by a clock that ran ahead (the next sync re-stamps the unsynced ones).
    public func hybridClockAhead(limitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) throws -> Int64? {
        let ahead = try hybridClock().millis - clock.nowMillis()
        return ahead > limitMillis ? ahead : nil
    }

    /// Keeps the clock difference a sync measured against the central node (local only), for `status`.
    static func saveClockDifference(_ difference: ClockDifference, _ db: Database) throws {
        let text = String(decoding: try JSONEncoder().encode(difference), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, arguments: [clockDifferenceKey, text])
    }

    /// The clock difference the last sync measured, or `nil` before any.
    public func lastClockDifference() throws -> ClockDifference? {
        let text = try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.clockDifferenceKey])
        }
        return try text.map { try JSONDecoder().decode(ClockDifference.self, from: Data($0.utf8)) }
    }

    private static let clockDifferenceKey = "clock.central_difference"
}
