/// A hybrid logical clock timestamp: 48 bits of unix milliseconds and a 16-bit counter,
/// packed into one integer (`millis << 16 | counter`) so that integer order is clock order.
///
/// On the wire and in JSON it is a plain unsigned integer. SQLite stores it through
/// ``bitPattern`` (a signed 64-bit integer; real timestamps stay positive until the year 4199).
public struct HLC: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The packed value: `millis << 16 | counter`.
    public var rawValue: UInt64

    /// The largest representable millisecond value (48 bits).
    public static let maxMillis: Int64 = (1 << 48) - 1

    /// The zero timestamp, older than every real one.
    public static let zero = HLC(rawValue: 0)

    /// Wraps a packed value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Packs unix milliseconds and a counter; milliseconds outside 0...``maxMillis`` are clamped.
    public init(millis: Int64, counter: UInt16 = 0) {
        let clamped = UInt64(min(max(millis, 0), HLC.maxMillis))
        rawValue = clamped << 16 | UInt64(counter)
    }

    /// Reads the signed 64-bit form SQLite stores (see ``bitPattern``).
    public init(bitPattern: Int64) { rawValue = UInt64(bitPattern: bitPattern) }

    /// The unix milliseconds part.
    public var millis: Int64 { Int64(rawValue >> 16) }

    /// The counter part: how many stamps were made within the same millisecond (or while the
    /// wall clock lagged behind a timestamp already seen).
    public var counter: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    /// The same bits as a signed integer, for SQLite's INTEGER column.
    public var bitPattern: Int64 { Int64(bitPattern: rawValue) }

    /// The next timestamp after this one (saturating at the largest value).
    public var successor: HLC { HLC(rawValue: rawValue == .max ? .max : rawValue + 1) }

    /// `millis.counter`, e.g. `1718000000000.3`.
    public var description: String { "\(millis).\(counter)" }

    public static func < (a: HLC, b: HLC) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UInt64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
