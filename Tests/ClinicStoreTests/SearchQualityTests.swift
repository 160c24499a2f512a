import BillingModel
import ClinicStore
import Foundation
import Testing

/// The benchmark's everyday query sets (`Benchmarks/SearchQuality/everyday_queries.tsv` and the
/// held-out `heldout_queries.tsv`, written before the rules were measured on it) as regression
/// tests: each expected code is a billable code of the shipped FY2025 release (or of the shipped
/// procedure lists), and at least ``floor(_:)`` of the queries find one in the first three.
@Suite struct SearchQualityTests {
    struct Query {
        var text: String
        var codes: [String]
    }

    static let sets = ["everyday_queries.tsv", "heldout_queries.tsv"]

    /// The hit@3 each set must keep: 90% (the target) on the everyday set; on the held-out set
    /// what it reached (83.8%, below the target) so that it cannot slip back unnoticed.
    static func floor(_ set: String) -> Double { set == "heldout_queries.tsv" ? 0.83 : 0.9 }

    static func queries(_ set: String) throws -> [Query] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/SearchQuality/\(set)")
        return try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).compactMap { line in
            if line.hasPrefix("#") { return nil }
            let sides = line.split(separator: "\t")
            guard sides.count == 2 else { return nil }
            return Query(text: String(sides[0]), codes: sides[1].split(separator: ",").map(String.init))
        }
    }

    @Test(arguments: sets) func everyExpectedCodeIsABillableCodeThatShips(set: String) throws {
        let queries = try Self.queries(set)
        #expect(queries.count >= 150)
        var wrong: [String] = []
        for query in queries {
            for code in query.codes {
                let found = try SearchRankingTests.store.lookupCode(code)
                if !found.contains(where: \.billable) { wrong.append("\(query.text): \(code)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test(arguments: sets) func nineInTenEverydayQueriesFindTheirCodeInTheFirstThree(set: String) throws {
        let queries = try Self.queries(set)
        let day = CalendarDate("2025-01-10")!
        var hits1 = 0, hits3 = 0, misses: [String] = []
        for query in queries {
            let found = try SearchRankingTests.store.searchCodes(query.text, on: day, limit: 3).map(\.code)
            if let first = found.first, query.codes.contains(first) { hits1 += 1 }
            if found.contains(where: query.codes.contains) { hits3 += 1 } else {
                misses.append("'\(query.text)' (\(query.codes.joined(separator: ","))) -> \(found.joined(separator: " "))")
            }
        }
        let at3 = Double(hits3) / Double(queries.count)
        print("[search-quality] \(set): \(queries.count) queries, hit@1 \(hits1), hit@3 \(hits3) (\(at3)); misses: \(misses.joined(separator: "; "))")
        #expect(at3 >= Self.floor(set), "\(set) hit@3 \(at3): \(misses)")
    }
}
