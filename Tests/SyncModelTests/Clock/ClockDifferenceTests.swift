import Testing
@testable import SyncModel

/// The clock check `sync`, `status` and `doctor` share (issue 27): either way, beyond the limit,
/// with the size of the difference and what it means.
@Suite struct ClockDifferenceTests {
    static let central: Int64 = 1_800_000_000_000
    static let day: Int64 = 86_400_000

    @Test(arguments: [
        (Int64(0), ClockDifference.Direction.inStep, "within 5 min of the central node's (+0 ms)"),
        (Int64(-4 * 60_000), .inStep, "within 5 min of the central node's (-4 min)"),
        (Int64(5 * 60_000), .inStep, "within 5 min of the central node's (+5 min)"),
        (Int64(5 * 60_000 + 1), .ahead, "is 5 min ahead of the central node's (limit 5 min): changes made now are re-stamped"),
        (30 * day, .ahead, "is 30 d ahead of the central node's (limit 5 min)"),
        (-30 * day + 2 * 3_600_000, .behind, "is 29 d 22 h behind the central node's (limit 5 min): edits made here lose every last-writer comparison"),
    ])
    func direction(_ offset: Int64, _ direction: ClockDifference.Direction, _ text: String) {
        let difference = ClockDifference(localMillis: Self.central + offset, centralMillis: Self.central)
        #expect(difference.offsetMillis == offset)
        #expect(difference.direction == direction)
        #expect(difference.isWithinLimit == (direction == .inStep))
        #expect(difference.description.contains(text), "\(difference.description)")
        #expect((difference.warning != nil) == (direction != .inStep))
        if direction == .behind { #expect(difference.description.contains("kept in conflicts")) }
    }

    @Test func aTighterLimitWarnsSooner() {
        let difference = ClockDifference(localMillis: Self.central + 90_000, centralMillis: Self.central, limitMillis: 60_000)
        #expect(difference.direction == .ahead && difference.warning?.contains("1 min 30 s ahead") == true)
    }
}
