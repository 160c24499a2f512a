import CLITesting
import Foundation
import Testing
@testable import BillingModel

@Suite struct MoneyTests {
    @Test(arguments: [
        ("125", Int64?.some(12_500)), ("125.5", 12_550), ("125.00", 12_500), ("$1,250.00", 125_000),
        ("0.07", 7), ("1,0.5", 1_050), ("999999999999.99", 99_999_999_999_999),
        ("", nil), ("$", nil), (".50", nil), ("12.", nil), ("1.234", nil), ("1.2.3", nil), ("-5", nil),
        ("+5", nil), ("12a", nil), (" 12", nil), ("1000000000000", nil), ("$$5", nil), ("٣", nil),
    ])
    func parsesDollarsIntoCents(text: String, cents: Int64?) {
        #expect(Money.cents(fromDollars: text) == cents)
    }

    /// The byte parser agrees with the plain reading of the rule on random strings of the
    /// characters that matter (digits, separators, signs, spaces, a non-ASCII digit).
    @Test func agreesWithTheReferenceReading() {
        var rng = SeededRandom(state: 42)
        let alphabet: [Character] = ["0", "1", "5", "9", ".", ",", "$", "-", " ", "a", "٣"]
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...16, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            #expect(Money.cents(fromDollars: text) == Self.reference(text), "\(text)")
        }
    }

    /// The rule as first written: strip one `$`, drop commas, split at points.
    static func reference(_ text: String) -> Int64? {
        var body = Substring(text)
        if body.hasPrefix("$") { body = body.dropFirst() }
        let parts = body.filter { $0 != "," }.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.utf8.count <= 12,
              whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let dollars = Int64(whole) else { return nil }
        guard parts.count == 2 else { return dollars * 100 }
        let fraction = parts[1]
        guard (1...2).contains(fraction.utf8.count), fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let value = Int64(fraction) else { return nil }
        return dollars * 100 + (fraction.utf8.count == 1 ? value * 10 : value)
    }

    @Test func trimmingSpacesMatchesFoundation() {
        var rng = SeededRandom(state: 7)
        let alphabet: [Character] = ["A", "9", " ", "\t", "\u{00A0}", "\u{2003}", "\n", "é", "-"]
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }
}
