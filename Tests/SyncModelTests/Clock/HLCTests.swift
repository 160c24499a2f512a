import Foundation
import Testing
@testable import SyncModel

@Suite struct HLCTests {
    struct TickCase: CustomTestStringConvertible, Sendable {
        let name: String
        let last: HLC
        let now: Int64
        let expected: HLC
        var testDescription: String { name }
    }

    @Test(arguments: [
        TickCase(name: "fresh clock follows the wall clock", last: .zero, now: 1_000, expected: HLC(millis: 1_000)),
        TickCase(name: "same millisecond bumps the counter", last: HLC(millis: 1_000, counter: 5), now: 1_000,
                 expected: HLC(millis: 1_000, counter: 6)),
        TickCase(name: "wall clock behind: counter on the last stamp", last: HLC(millis: 2_000), now: 1_000,
                 expected: HLC(millis: 2_000, counter: 1)),
        TickCase(name: "wall clock ahead: counter resets", last: HLC(millis: 1_000, counter: 9), now: 1_500,
                 expected: HLC(millis: 1_500)),
        TickCase(name: "full counter carries into the milliseconds", last: HLC(millis: 1_000, counter: .max),
                 now: 1_000, expected: HLC(millis: 1_001)),
        TickCase(name: "negative wall clock is clamped", last: .zero, now: -5, expected: HLC(rawValue: 1)),
    ])
    func tick(_ example: TickCase) {
        var clock = HybridLogicalClock(last: example.last)
        #expect(clock.tick(nowMillis: example.now) == example.expected)
        #expect(clock.last == example.expected)
    }

    @Test func ticksStrictlyIncreaseWhateverTheWallClockDoes() {
        var clock = HybridLogicalClock()
        var previous = HLC.zero
        for now: Int64 in [5_000, 5_000, 4_000, 6_000, 1, 6_000, 6_001] {
            let stamp = clock.tick(nowMillis: now)
            #expect(stamp > previous)
            previous = stamp
        }
    }

    @Test func observingALaterStampOrdersTheNextTickAfterIt() {
        var clock = HybridLogicalClock()
        _ = clock.tick(nowMillis: 1_000)
        let remote = HLC(millis: 9_000, counter: 3)
        clock.observe(remote)
        #expect(clock.last == remote)
        #expect(clock.tick(nowMillis: 1_001) == HLC(millis: 9_000, counter: 4))
    }

    @Test func observingAnOlderStampChangesNothing() {
        var clock = HybridLogicalClock(last: HLC(millis: 9_000))
        clock.observe(HLC(millis: 100))
        #expect(clock.last == HLC(millis: 9_000))
    }

    struct SkewCase: CustomTestStringConvertible, Sendable {
        let aheadMillis: Int64
        let refused: Bool
        var testDescription: String { "\(aheadMillis) ms ahead" }
    }

    @Test(arguments: [
        SkewCase(aheadMillis: -3_600_000, refused: false),
        SkewCase(aheadMillis: 0, refused: false),
        SkewCase(aheadMillis: 300_000, refused: false),
        SkewCase(aheadMillis: 300_001, refused: true),
        SkewCase(aheadMillis: 432_000, refused: true),
    ])
    func skewAgainstTheDefaultFiveMinutes(_ example: SkewCase) {
        let now: Int64 = 1_718_000_000_000
        let error = HybridLogicalClock.skew(of: HLC(millis: now + example.aheadMillis), nowMillis: now)
        #expect((error != nil) == example.refused)
        #expect(error?.aheadMillis == (example.refused ? example.aheadMillis : nil))
        #expect(error?.limitMillis == (example.refused ? 300_000 : nil))
    }

    @Test func skewErrorSaysWhoAndHowFarAhead() throws {
        let now: Int64 = 1_718_000_000_000
        let change = Change.field(table: "claim", row: "r", owner: "clinic-a", field: "notes", value: "x",
                                  version: Version(hlc: HLC(millis: now + 432_000), site: "clinic-a", seq: 12),
                                  replaced: nil, observed: 0)
        let error = #expect(throws: ClockSkewError.self) {
            try HybridLogicalClock.checkSkew(of: change, nowMillis: now)
        }
        #expect(error?.description == "change from site clinic-a (seq 12) is stamped 7 min 12 s ahead of this "
            + "node's clock (limit 5 min); it was not accepted, so its clinic may re-stamp it: set that machine's "
            + "clock right and run `clinicsync sync` again, which re-stamps the clinic's unsynced changes from this "
            + "node's clock (older clinic software: upgrade it first)")
        #expect(throws: Never.self) {
            try HybridLogicalClock.checkSkew(of: HLC(millis: now + 1_000), nowMillis: now)
        }
    }

    @Test func packsMillisAndCounter() {
        let stamp = HLC(millis: 1_718_000_000_123, counter: 7)
        #expect(stamp.rawValue == UInt64(1_718_000_000_123) << 16 | 7)
        #expect(stamp.millis == 1_718_000_000_123)
        #expect(stamp.counter == 7)
        #expect(HLC(bitPattern: stamp.bitPattern) == stamp)
        #expect(HLC(millis: .max).millis == HLC.maxMillis)
    }

    @Test func encodesAsAPlainInteger() throws {
        let stamp = HLC(millis: HLC.maxMillis, counter: .max)
        let json = String(decoding: try JSONEncoder().encode(stamp), as: UTF8.self)
        #expect(json == "18446744073709551615")
        #expect(try JSONDecoder().decode(HLC.self, from: Data(json.utf8)) == stamp)

        let clock = HybridLogicalClock(last: HLC(millis: 1_000, counter: 2))
        let clockJSON = String(decoding: try JSONEncoder().encode(clock), as: UTF8.self)
        #expect(clockJSON == "\(UInt64(1_000) << 16 | 2)")
        #expect(try JSONDecoder().decode(HybridLogicalClock.self, from: Data(clockJSON.utf8)) == clock)
    }
}
