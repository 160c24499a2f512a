import Foundation
@testable import SyncWire
import Testing

/// gzip through the system zlib: round trips, damaged input, the inflation limit.
@Suite struct GzipTests {
    static let text = [UInt8](String(repeating: "claim 99213 office visit, ", count: 4_000).utf8)

    @Test(arguments: [0, 1, 100, 70_000])
    func roundTrips(count: Int) throws {
        let input = Array(Self.text.prefix(count))
        let zipped = try Gzip.compress(input)
        #expect(Gzip.isCompressed(zipped))
        #expect(try Gzip.decompress(zipped) == input)
        #expect(try Gzip.decompress(try Gzip.compress(input, level: 1)) == input)
    }

    @Test func compressesRepetitiveText() throws {
        #expect(try Gzip.compress(Self.text).count < Self.text.count / 20)
        #expect(!Gzip.isCompressed(Self.text))
    }

    @Test func damagedOrTruncatedInputIsRefused() throws {
        let zipped = try Gzip.compress(Self.text)
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(Array(zipped.prefix(zipped.count / 2))) }
        var damaged = zipped
        damaged[20] ^= 0xFF
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(damaged) }
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(Array("not gzip".utf8)) }
    }

    @Test func outputPastTheLimitIsRefused() throws {
        let zipped = try Gzip.compress(Self.text)
        #expect { try Gzip.decompress(zipped, limit: 1_000) } throws: {
            ($0 as? Gzip.Failure)?.description.contains("1000") == true
        }
        #expect(try Gzip.decompress(zipped, limit: Self.text.count) == Self.text)
    }
}
