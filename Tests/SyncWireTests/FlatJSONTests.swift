import CLITesting
import Foundation
import SyncModel
@testable import SyncWire
import Testing

/// The change log's row values: the same JSON as Foundation's coders, both ways; malformed
/// input is a clear error.
@Suite struct FlatJSONTests {
    static let row: [String: FieldValue] = [
        "claim_id": "c1", "units": 2, "charge_cents": -12_500, "pos": nil, "rate": .real(1.25),
        "notes": "quote \" backslash \\ tab \t newline \n bell \u{07} é 漢字 🙂", "zero": 0,
        "min": .integer(.min), "max": .integer(.max), "": "",
    ]

    @Test func writesWhatFoundationReadsBackAndWritesItsSortedForm() throws {
        let text = FlatJSON.encode(Self.row)
        #expect(try JSONDecoder().decode([String: FieldValue].self, from: Data(text.utf8)) == Self.row)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let foundation = String(decoding: try encoder.encode(Self.row), as: UTF8.self)
        // Foundation writes the bell as \u0007 too; the only difference allowed is none.
        #expect(text == foundation)
    }

    @Test func readsWhatFoundationWrites() throws {
        for formatting in [JSONEncoder.OutputFormatting(), [.sortedKeys], [.prettyPrinted]] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            #expect(try FlatJSON.decode(String(decoding: try encoder.encode(Self.row), as: UTF8.self)) == Self.row)
        }
    }

    @Test func aSeededRandomRowRoundTrips() throws {
        var random = SeededRandom(state: 20_261_207)
        let alphabet = Array("aé漢🙂\"\\\n\t\u{01}/ 0")
        for _ in 0..<200 {
            var row: [String: FieldValue] = [:]
            for column in 0..<Int(random.next() % 8) {
                let text = String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
                row["c\(column)"] = switch random.next() % 4 {
                case 0: .null
                case 1: .integer(Int64(bitPattern: random.next()))
                case 2: .text(text)
                default: .real(Double(Int64(bitPattern: random.next()) % 1_000_000) / 64 + 0.5)
                }
            }
            let text = FlatJSON.encode(row)
            #expect(try FlatJSON.decode(text) == row, "\(text)")
            #expect(try JSONDecoder().decode([String: FieldValue].self, from: Data(text.utf8)) == row, "\(text)")
        }
    }

    @Test(arguments: [
        "", "{", "[]", "{\"a\":1", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":1} x", "{\"a\":tru}", "{\"a\":\"x}",
        "{\"a\":\"\\q\"}", "{\"a\":\"\\ud83d\"}", "{\"a\":\"raw \u{01}\"}", "{\"a\":1e999}", "{a:1}", "{\"a\":-}",
    ])
    func malformedInputSaysWhereItStopped(text: String) {
        // Stricter than Foundation where Foundation is lenient (it takes `{"a":1,}`).
        #expect(throws: FlatJSON.Malformed.self) { try FlatJSON.decode(text) }
    }
}
