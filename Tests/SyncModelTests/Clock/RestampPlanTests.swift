import Testing
@testable import SyncModel

/// Issue 27: the pure rule that brings a store's unsynced changes back from a clock that ran ahead.
@Suite struct RestampPlanTests {
    /// The central node's clock in every case, and units.
    static let now: Int64 = 1_800_000_000_000
    static let minute: Int64 = 60_000
    static let day: Int64 = 86_400_000

    static func pending(_ seq: Int64, _ hlc: HLC, recorded: Int64? = nil) -> RestampPlan.Pending {
        RestampPlan.Pending(seq: seq, hlc: hlc, recordedAtMillis: recorded ?? hlc.millis)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var pending: [RestampPlan.Pending]
        var settled: HLC
        var clock: HLC
        var limit: Int64 = HybridLogicalClock.defaultSkewLimitMillis
        /// Expected new stamps by sequence, and the clock after; `nil`: no plan.
        var expected: (stamps: [Int64: HLC], clock: HLC)?
        var testDescription: String { name }
    }

    static let ahead = HLC(millis: now + 30 * day)

    static let cases: [Case] = [
        Case(name: "a clock within the limit needs no plan",
             pending: [pending(5, HLC(millis: now + minute))], settled: HLC(millis: now - day),
             clock: HLC(millis: now + 4 * minute), expected: nil),
        Case(name: "jumped ahead then corrected: each change at its sane record time, in order",
             pending: [pending(10, ahead), pending(11, ahead.successor, recorded: now - 10 * minute)],
             settled: HLC(millis: now - 60 * minute), clock: ahead.successor,
             expected: ([10: HLC(millis: now - 10 * minute), 11: HLC(millis: now - 10 * minute, counter: 1)],
                        HLC(millis: now - 10 * minute, counter: 1))),
        Case(name: "no sane record time: the central node's clock",
             pending: [pending(4, ahead)], settled: HLC(millis: now - day), clock: ahead,
             expected: ([4: HLC(millis: now)], HLC(millis: now))),
        Case(name: "one transaction's changes stay stamped alike",
             pending: [pending(1, ahead), pending(2, ahead), pending(3, ahead.successor, recorded: now - minute)],
             settled: .zero, clock: ahead.successor,
             expected: ([1: HLC(millis: now - minute), 2: HLC(millis: now - minute), 3: HLC(millis: now - minute, counter: 1)],
                        HLC(millis: now - minute, counter: 1))),
        Case(name: "stays after a received change it was after, even one stamped later than it was made",
             pending: [pending(7, ahead, recorded: now - 60 * minute)], settled: HLC(millis: now + 2 * minute),
             clock: ahead, expected: ([7: HLC(millis: now + 2 * minute, counter: 1)], HLC(millis: now + 2 * minute, counter: 1))),
        Case(name: "a sane unsynced change is kept and the re-stamped ones follow it",
             pending: [pending(3, HLC(millis: now - 5 * minute)), pending(4, ahead, recorded: now - 20 * minute)],
             settled: HLC(millis: now - day), clock: ahead,
             expected: ([4: HLC(millis: now - 5 * minute, counter: 1)], HLC(millis: now - 5 * minute, counter: 1))),
        Case(name: "nothing unsynced: the hybrid clock alone comes back",
             pending: [], settled: HLC(millis: now - day), clock: ahead, expected: ([:], HLC(millis: now - day))),
        Case(name: "limit 0 (after a refusal): a change a minute ahead is re-stamped to the central clock",
             pending: [pending(1, HLC(millis: now + minute))], settled: .zero, clock: HLC(millis: now + minute), limit: 0,
             expected: ([1: HLC(millis: now)], HLC(millis: now))),
    ]

    @Test(arguments: cases)
    func plan(_ example: Case) {
        let plan = RestampPlan.make(pending: example.pending, settled: example.settled, clock: example.clock,
                                    referenceMillis: Self.now, limitMillis: example.limit)
        guard let expected = example.expected else {
            #expect(plan == nil)
            return
        }
        let made = Dictionary(uniqueKeysWithValues: (plan?.stamps ?? []).map { ($0.seq, $0.new) })
        #expect(made == expected.stamps)
        #expect(plan?.clock == expected.clock)
        #expect(plan?.referenceMillis == Self.now)
    }

    /// The invariants, over many seeded stores: keys kept, old order kept (alike stays alike), every
    /// new stamp above everything not re-stamped and within the horizon, the clock after them all.
    @Test func invariantsHoldOverSeededStores() {
        var random = SplitMix64(seed: 27)
        let horizon = Self.now + HybridLogicalClock.defaultSkewLimitMillis
        var plans = 0
        for _ in 0..<500 {
            let settled = HLC(millis: Self.now - Int64.random(in: 0...Self.day, using: &random))
            var hlc = max(settled, HLC(millis: Self.now - Int64.random(in: 0...Self.day, using: &random)))
            var pending: [RestampPlan.Pending] = []
            let jumpAt = Int.random(in: 0...12, using: &random)
            for seq in 1...Int64.random(in: 1...12, using: &random) {
                if seq == jumpAt { hlc = max(hlc, HLC(millis: Self.now + Int64.random(in: 1...40, using: &random) * Self.day)) }
                if !random.chance(30) { hlc = hlc.successor }
                let sane = random.chance(50)
                let recorded = sane ? Self.now - Int64.random(in: 0...Self.day, using: &random) : hlc.millis
                pending.append(RestampPlan.Pending(seq: seq, hlc: hlc, recordedAtMillis: recorded))
            }
            guard let plan = RestampPlan.make(pending: pending, settled: settled, clock: hlc, referenceMillis: Self.now)
            else {
                #expect(hlc.millis <= horizon)
                continue
            }
            plans += 1
            let restamped = Set(plan.stamps.map(\.seq))
            #expect(restamped == Set(pending.filter { $0.hlc.millis > horizon }.map(\.seq)))
            let floor = max(settled, pending.filter { !restamped.contains($0.seq) }.map(\.hlc).max() ?? .zero)
            for (a, b) in zip(plan.stamps, plan.stamps.dropFirst()) {
                #expect((a.old, a.seq) < (b.old, b.seq))
                #expect(a.old == b.old ? a.new == b.new : a.new < b.new)
            }
            for stamp in plan.stamps {
                #expect(stamp.new > floor && stamp.new.millis <= horizon)
                #expect(plan.clock >= stamp.new)
            }
            #expect(plan.clock >= floor && plan.clock.millis <= horizon)
        }
        #expect(plans > 100)
    }
}
