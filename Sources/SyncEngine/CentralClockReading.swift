/// The central node's clock as the last reply told it (its `Date` header), with when that reply
/// arrived by this process's monotonic clock, so it can be carried forward to any later moment.
public struct CentralClockReading: Sendable {
    /// The central node's clock when it answered, in milliseconds since 1970 (the header's second
    /// plus half a second: the header is truncated to the second).
    public var centralMillis: Int64
    /// When the reply arrived, by the monotonic clock (not the wall clock, which may be wrong).
    public var receivedAt: ContinuousClock.Instant

    /// A reading from its parts.
    public init(centralMillis: Int64, receivedAt: ContinuousClock.Instant) {
        self.centralMillis = centralMillis
        self.receivedAt = receivedAt
    }

    /// The central node's clock now, estimated from this reading.
    public var centralNowMillis: Int64 {
        let elapsed = ContinuousClock.now - receivedAt
        return centralMillis + elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }
}
