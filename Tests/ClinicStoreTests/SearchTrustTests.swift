import BillingModel
import ClinicStore
import Foundation
import GRDB
import Testing

/// Search a coder can trust (issue 26) on the full FY2025 ICD-10-CM and the shipped procedure
/// lists: everyday words, typos, billable codes first, headers' billable codes, the office's own
/// words and its favorites.
@Suite struct SearchTrustTests {
    static var store: LocalStore { SearchRankingTests.store }
    static let day = CalendarDate("2025-01-10")!

    static func top(_ query: String, _ count: Int = 3) throws -> [String] {
        try store.searchCodes(query, on: day, limit: count).map(\.code)
    }

    @Test(arguments: [
        ("uti", "N390"), ("htn", "I10"), ("dm2", "E119"), ("t2dm", "E119"), ("chf", "I509"), ("copd", "J449"),
        ("uri", "J069"), ("afib", "I4891"), ("gerd", "K219"), ("flu", "J111"), ("strep throat", "J020"),
        ("pink eye", "H109"), ("high blood pressure", "I10"), ("high cholesterol", "E7800"),
        ("annual physical", "Z0000"), ("well child", "Z00129"), ("sinus infection", "J329"),
        ("ear infection", "H669"), ("flu shot", "90686"), ("ekg", "93000"), ("blood draw", "36415"),
        ("congestive heart failure", "I509"),
    ])
    func everydayWordsFindTheCodeACoderPicks(query: String, code: String) throws {
        let found = try Self.top(query)
        #expect(found.contains { $0.hasPrefix(code) }, "'\(query)': \(found)")
    }

    @Test func aSynonymSaysHowItReadTheQuery() throws {
        let found = try Self.store.findCodes("uti", on: Self.day)
        #expect(found.matches.first?.code == "N390")
        #expect(found.readAs == ["urinary tract infection"])
        #expect(found.didYouMean == nil)
    }

    @Test(arguments: [
        ("diabetis", "diabetes", ["E119"]), ("hypertention", "hypertension", ["I10"]),
        ("pnuemonia", "pneumonia", ["J189"]), ("bronchitus", "bronchitis", ["J209", "J40"]),
        ("type 2 diabetis", "type 2 diabetes", ["E119"]),
    ])
    func aMisspelledWordFindsItsCode(typed: String, meant: String, codes: [String]) throws {
        let found = try Self.store.findCodes(typed, on: Self.day, limit: 3)
        #expect(found.didYouMean == meant)
        #expect(found.matches.contains { codes.contains($0.code) }, "'\(typed)': \(found.matches.map(\.code))")
    }

    @Test func aWordTheIndexHasIsNotCorrected() throws {
        #expect(try Self.store.findCodes("diabet", on: Self.day).didYouMean == nil)   // a prefix, as typed
        #expect(try Self.store.findCodes("zzqxw", on: Self.day).matches.isEmpty)
    }

    @Test(arguments: ["influenza", "low back pain", "otitis media", "sprain of ankle", "fracture of wrist", "asthma"])
    func billableCodesComeFirst(query: String) throws {
        let found = try Self.store.searchCodes(query, on: Self.day, limit: 10)
        #expect(found.first?.billable == true, "'\(query)': \(found.map(\.code))")
        // Among the shown, no header before a billable code of the same stem.
        for (index, match) in found.enumerated() where !match.billable {
            #expect(!found[(index + 1)...].contains { $0.billable && $0.code.hasPrefix(match.code) }, "'\(query)': \(match.code)")
        }
    }

    @Test func lowBackPainIsM54_50() throws {
        #expect(try Self.top("low back pain", 1) == ["M5450"])
    }

    @Test func aHeaderListsItsBillableCodes() throws {
        let header = try #require(try Self.store.lookupCode("M54.5").first)
        #expect(!header.billable)
        let children = try #require(try Self.store.billableChildren(of: header))
        #expect(children.sentence == "M54.5 is not billable: M54.50, M54.51, M54.59")
        let leaf = try #require(try Self.store.lookupCode("M54.50").first)
        #expect(try Self.store.billableChildren(of: leaf) == nil)
        let influenza = try #require(try Self.store.lookupCode("J11").first)
        let broad = try #require(try Self.store.billableChildren(of: influenza, limit: 3))
        #expect(broad.children.count == 3 && broad.total > 3)
    }

    @Test func everyShippedSynonymFindsACode() throws {
        let text = try String(contentsOf: Self.synonymFile(), encoding: .utf8)
        let shipped = text.components(separatedBy: "# licensed\n")[0]
        let pairs = try SynonymTable.parse(shipped)
        #expect(pairs.count >= 500)
        // Singular and plural terms fold into one entry ("wart", "warts").
        #expect(SynonymTable.bundled().count >= Set(pairs.map { SynonymTable.words($0.term).map(SynonymTable.folded) }).count)
        let missing = try Self.store.read { db in
            var missing: [String] = []
            for (term, alternatives) in pairs {
                for words in alternatives.map(SynonymTable.words) {
                    let expression = words.map { "\"\($0)\"" }.joined(separator: " ")
                    let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM code_search WHERE code_search MATCH ? LIMIT 1)",
                                                 arguments: [expression]) ?? 0
                    if found == 0 { missing.append("\(term) -> \(words.joined(separator: " "))") }
                }
            }
            return missing
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// The shipped list in the source tree (the test target has no resources of its own).
    static func synonymFile() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ClinicStore/Resources/search_synonyms.tsv")
    }
}
