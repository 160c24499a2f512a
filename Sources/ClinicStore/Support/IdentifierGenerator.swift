import Foundation
import Synchronization

/// Makes UUIDv7 identifiers (time-ordered, so new rows append to the B-tree) from an
/// injected clock and random source.
public struct IdentifierGenerator: Sendable {
    private let randomBits: @Sendable () -> UInt64

    /// Uses the system's cryptographic random source.
    public static let system = IdentifierGenerator { UInt64.random(in: .min ... .max) }

    /// A repeatable generator for tests: the same seed gives the same identifiers.
    public static func seeded(_ seed: UInt64) -> IdentifierGenerator {
        let state = Mutex(seed)
        return IdentifierGenerator {
            state.withLock { value in
                // SplitMix64.
                value &+= 0x9E37_79B9_7F4A_7C15
                var z = value
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
    }

    /// Creates a generator from a source of random 64-bit words.
    public init(randomBits: @escaping @Sendable () -> UInt64) { self.randomBits = randomBits }

    /// A lower-case UUIDv7 string for a row created at `millis`.
    public func uuidV7(millis: Int64) -> String {
        let time = UInt64(max(0, millis)) & 0xFFFF_FFFF_FFFF
        let a = randomBits(), b = randomBits()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: time >> (40 - 8 * UInt64(i))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: a & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: a >> 8)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: (a >> 16) & 0x3F)
        for i in 9..<16 { bytes[i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i - 9))) }
        let hex = bytes.map { String($0, radix: 16).leftPadded(to: 2) }
        return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
            + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }

    /// A short random token of `count` lower-case hex characters (site ids, claim numbers).
    public func hex(count: Int) -> String {
        var text = ""
        while text.count < count { text += String(randomBits(), radix: 16).leftPadded(to: 16) }
        return String(text.prefix(count))
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
