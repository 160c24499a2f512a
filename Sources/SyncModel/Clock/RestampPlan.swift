/// How a store whose clock ran ahead brings its unsynced changes back to a sane time (issue 27):
/// a pure rule over values; the store reads the inputs and writes the result in one transaction.
///
/// A change that was never accepted anywhere may be re-stamped. The plan re-stamps exactly the
/// site's unsynced changes stamped beyond the horizon (the central node's clock plus the limit)
/// and keeps everything else, so that:
/// - the (site, sequence) keys never change, only the clock part of each version;
/// - the re-stamped changes keep their order among themselves, and changes stamped alike (one
///   transaction) stay stamped alike;
/// - every re-stamped change stays after every change it was after: each new stamp is above
///   `settled` (the greatest stamp this store holds that is not re-stamped: pushed, received,
///   or unsynced and sane), so every comparison this store's merge already made keeps its answer;
/// - each one is stamped when it was recorded if that time is sane, otherwise when the next sane
///   change was recorded (it was made before that one), otherwise at the central node's clock;
/// - the store's hybrid clock ends at the last new stamp (or `settled`), so later changes are
///   stamped by the wall clock again.
public struct RestampPlan: Hashable, Sendable {
    /// One local change as the plan sees it.
    public struct Pending: Hashable, Sendable {
        /// Its local log sequence (the site sequence of its version).
        public var seq: Int64
        /// Its current stamp.
        public var hlc: HLC
        /// The wall clock when it was recorded (milliseconds since 1970), by the clock that stamped it.
        public var recordedAtMillis: Int64

        /// A pending change from its parts.
        public init(seq: Int64, hlc: HLC, recordedAtMillis: Int64) {
            self.seq = seq
            self.hlc = hlc
            self.recordedAtMillis = recordedAtMillis
        }
    }

    /// One re-stamped change: its log sequence, its stamp before and after.
    public struct Stamp: Hashable, Sendable {
        /// The change's local log sequence (unchanged).
        public var seq: Int64
        /// The stamp it had.
        public var old: HLC
        /// The stamp it gets.
        public var new: HLC

        /// A re-stamp from its parts.
        public init(seq: Int64, old: HLC, new: HLC) {
            self.seq = seq
            self.old = old
            self.new = new
        }
    }

    /// The changes to re-stamp, in their old order (stamp, then sequence).
    public var stamps: [Stamp]
    /// The store's hybrid clock afterwards.
    public var clock: HLC
    /// The central node's clock the plan was made from (milliseconds since 1970).
    public var referenceMillis: Int64

    /// A plan from its parts.
    public init(stamps: [Stamp], clock: HLC, referenceMillis: Int64) {
        self.stamps = stamps
        self.clock = clock
        self.referenceMillis = referenceMillis
    }

    /// The plan for a store whose hybrid clock is `clock`, or `nil` when that clock is not beyond
    /// the horizon (`referenceMillis + limitMillis`): nothing was stamped too far ahead.
    ///
    /// - Parameters:
    ///   - pending: the site's changes not yet acknowledged by the central node, in any order.
    ///   - settled: the greatest stamp among every other change the store holds.
    ///   - clock: the store's hybrid clock now.
    ///   - referenceMillis: the central node's clock.
    ///   - limitMillis: how far ahead of it a stamp may be (the central node's skew limit; 0 re-stamps
    ///     everything ahead of its clock).
    public static func make(pending: [Pending], settled: HLC, clock: HLC, referenceMillis: Int64,
                            limitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) -> RestampPlan? {
        let horizon = referenceMillis + max(limitMillis, 0)
        guard clock.millis > horizon else { return nil }
        let ahead = pending.filter { $0.hlc.millis > horizon }.sorted { ($0.hlc, $0.seq) < ($1.hlc, $1.seq) }
        let kept = pending.lazy.filter { $0.hlc.millis <= horizon }.map(\.hlc).max() ?? .zero
        let floor = max(settled, kept)
        // When each one was made, as far as anyone can tell: its own record when sane, else no
        // later than the next sane one's, else the central node's clock.
        var made = [Int64](repeating: referenceMillis, count: ahead.count)
        var next = referenceMillis
        for index in ahead.indices.reversed() {
            let recorded = ahead[index].recordedAtMillis
            if recorded <= horizon { next = recorded }
            made[index] = next
        }
        var stamps: [Stamp] = []
        stamps.reserveCapacity(ahead.count)
        var previous = floor
        var last: (old: HLC, new: HLC)?
        for (change, madeAt) in zip(ahead, made) {
            let new: HLC
            if let last, last.old == change.hlc {
                new = last.new
            } else {
                new = max(previous.successor, HLC(millis: madeAt))
                previous = new
            }
            last = (change.hlc, new)
            stamps.append(Stamp(seq: change.seq, old: change.hlc, new: new))
        }
        return RestampPlan(stamps: stamps, clock: previous, referenceMillis: referenceMillis)
    }
}
