import ClinicStore
import Synchronization
import Testing

/// UUIDv7 text: the time-ordered layout, lower-case hex, 8-4-4-4-12.
@Suite struct IdentifierTests {
    /// The layout written out the slow, obvious way.
    static func reference(millis: Int64, a: UInt64, b: UInt64) -> String {
        let time = UInt64(max(0, millis)) & 0xFFFF_FFFF_FFFF
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: time >> (40 - 8 * UInt64(i))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: a & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: a >> 8)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: (a >> 16) & 0x3F)
        for i in 9..<16 { bytes[i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i - 9))) }
        let hex = bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
            + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }

    @Test(arguments: [(Int64(0), UInt64(0), UInt64(0)), (1_740_830_400_000, .max, .max),
                      (1_740_830_400_123, 0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210), (-5, 1, 2)])
    func layoutIsUUIDv7(millis: Int64, a: UInt64, b: UInt64) {
        let words = [a, b]
        let next = Mutex(0)
        let generator = IdentifierGenerator { next.withLock { count in defer { count += 1 }; return words[count % 2] } }
        let id = generator.uuidV7(millis: millis)
        #expect(id == Self.reference(millis: millis, a: a, b: b))
        #expect(id.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(id.dropFirst(14).first == "7")
    }
}
