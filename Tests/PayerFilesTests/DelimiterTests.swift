import CLITesting
import PayerFiles
import Testing

/// Separators come from the ISA header: any element, component, repetition and segment
/// terminator, with or without newlines, read the same money.
@Suite("delimiters are read from the ISA header")
struct DelimiterTests {
    /// A file rewritten with other delimiters.
    struct Spelling: Sendable, CustomTestStringConvertible {
        let element: Character, component: Character, repetition: Character, terminator: String, newline: String
        var testDescription: String { "\(element) \(component) \(repetition) \(terminator.debugDescription) \(newline.debugDescription)" }

        func apply(_ text: String) -> String {
            var result = ""
            for character in text {
                switch character {
                case "*": result.append(element)
                case ":": result.append(component)
                case "^": result.append(repetition)
                case "~": result += terminator
                case "\n": result += newline
                default: result.append(character)
                }
            }
            return result
        }
    }

    static let spellings = [
        Spelling(element: "*", component: ":", repetition: "^", terminator: "~", newline: ""),
        Spelling(element: "*", component: ":", repetition: "^", terminator: "~", newline: "\r\n"),
        Spelling(element: "|", component: ">", repetition: "!", terminator: "'", newline: ""),
        Spelling(element: "^", component: "\\", repetition: "{", terminator: "~", newline: "\n"),
        Spelling(element: "*", component: ">", repetition: "^", terminator: "\n", newline: ""),
        Spelling(element: "~", component: "|", repetition: "^", terminator: "\u{1C}", newline: "\n"),
    ]

    @Test(arguments: spellings)
    func theSameRemittanceReadsInEverySpelling(_ spelling: Spelling) throws {
        let original = try PayerFile.readRemittance(RemittanceCase.copay.text).remittances
        let respelled = try PayerFile.readRemittance(spelling.apply(RemittanceCase.copay.text)).remittances
        #expect(respelled == original)
        #expect(respelled.first?.claims.first?.lines.first?.modifiers == ["25"])
    }

    @Test func aByteOrderMarkAndLeadingBlankLinesAreLayout() throws {
        let text = "\u{FEFF}\n\n" + RemittanceCase.copay.text
        #expect(try PayerFile.readRemittance(text).remittances.count == 1)
    }

    @Test func theInterchangeHeaderIsRead() throws {
        let interchange = try X12Reader.read(RemittanceCase.copay.text)
        #expect(interchange.senderID == "PAYER01")
        #expect(interchange.receiverID == "LAKESIDE01")
        #expect(interchange.controlNumber == "000000101")
        #expect(interchange.usage == "T")
        #expect(interchange.delimiters == .standard)
        #expect(interchange.groups.map(\.functionalID) == ["HP"])
        #expect(interchange.groups[0].transactionSets.map(\.id) == ["835"])
        #expect(interchange.groups[0].transactionSets[0].segments.first?.number == 4)
    }

    /// X12 decimals are read exactly, never through floating point.
    @Test(arguments: [
        ("125", Int64(12_500)), ("125.5", 12_550), ("125.50", 12_550), ("-9.00", -900), (".5", 50), ("0.01", 1),
        ("125.000", 12_500), ("999999999999.99", 99_999_999_999_999), ("0.07", 7), ("1.10", 110),
    ])
    func decimalsAreExact(_ text: String, _ cents: Int64) {
        #expect(X12Decimal.cents(text) == cents)
    }

    @Test(arguments: ["", "-", ".", "1.005", "1e2", "1,000", "+5", "1.2.3", "$5", " 5", "0x10", "5.", "--5", "1 000"])
    func nonAmountsAreRefused(_ text: String) {
        #expect(X12Decimal.cents(text) == nil)
    }

    /// Seeded property: any cents value written in X12 style reads back exactly.
    @Test func writtenAmountsReadBack() {
        var generator = SeededRandom(state: 20261207)
        for _ in 0..<2_000 {
            let cents = Int64(bitPattern: generator.next()) % 10_000_000_000
            let magnitude = cents.magnitude
            let text = (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
            #expect(X12Decimal.cents(text) == cents, "\(text)")
        }
    }
}

