/// Another clock shifted by a fixed amount: what a machine whose clock is wrong reads. For the
/// clock-trouble tests (issue 27), through the CLI's test-only `CLINICSYNC_CLOCK_OFFSET_MS`.
public struct OffsetClock: StoreClock {
    /// The clock being shifted.
    public let base: any StoreClock
    /// How far ahead of `base` this clock reads (negative: behind), in milliseconds.
    public let offsetMillis: Int64

    /// `base` shifted by `offsetMillis` (the system clock unless given).
    public init(offsetMillis: Int64, base: any StoreClock = SystemClock()) {
        self.base = base
        self.offsetMillis = offsetMillis
    }

    /// The base clock's time plus the offset, in milliseconds since 1970.
    public func nowMillis() -> Int64 { base.nowMillis() + offsetMillis }
}
