import BillingModel
import ClinicStore
import Foundation
import GRDB
import Testing

/// Search ranks as FTS5 ranks: for every query that no synonym reads otherwise, the codes and
/// their order equal FTS5's own `bm25` ordering in SQL plus ``SearchRankRules`` (a SQL function
/// here); code prefixes list E/M first, then shortest first.
@Suite struct SearchRankingTests {
    static let store: LocalStore = {
        let store = try! TestStores.clinic()
        _ = try! store.loadBundledCodebooks()
        return store
    }()

    /// What coders type, a keystroke at a time.
    static let typed = [
        "type 2 diabetes without complications", "essential hypertension", "acute upper respiratory infection",
        "major depressive disorder", "gastro-esophageal reflux", "sprain of right ankle", "otitis media",
        "vitamin d deficiency", "osteoarthritis of knee", "office visit established", "flu vaccine", "venipuncture",
        "fracture of left wrist", "Ménière disease", "e11 diabetes", "chronic obstructive pulmonary disease",
        "benign paroxysmal vertigo",
        // "of" with a word whose newest rows mostly lack it, or with a rare word.
        "of poisoning", "diabetes of",
    ]

    static var keystrokes: [String] { typed.flatMap { text in (1...text.count).map { String(text.prefix($0)) } } }

    /// FTS5's own ranking of the same query, as the search ran it before ranking moved to Swift:
    /// over the ``LocalStore/broadQueryCandidates`` newest matches (all of them unless the query
    /// is broad), or over every match for text that is not ASCII (which FTS5 ranks in full).
    static func fts5Ranking(_ match: String, day: String, limit: Int) throws -> [String] {
        try store.read { db in
            db.add(function: rankRules)
            let rows = try Row.fetchAll(db, sql: """
                WITH in_force AS (
                  SELECT r.* FROM code_release AS r
                  WHERE r.effective_from <= :day AND (r.effective_to IS NULL OR r.effective_to >= :day)
                    AND NOT EXISTS (SELECT 1 FROM code_release AS n WHERE n.system = r.system AND n.effective_from <= :day
                      AND (n.effective_to IS NULL OR n.effective_to >= :day)
                      AND (n.effective_from > r.effective_from OR (n.effective_from = r.effective_from AND n.imported_at > r.imported_at)))),
                newest AS (
                  SELECT code_search.rowid AS id FROM code_search JOIN code AS c ON c.rowid = code_search.rowid
                  JOIN in_force AS r ON r.id = c.release_id
                  WHERE code_search MATCH :match ORDER BY code_search.rowid DESC LIMIT :candidates)
                SELECT c.code, c.billable FROM code_search JOIN code AS c ON c.rowid = code_search.rowid JOIN in_force AS r ON r.id = c.release_id
                WHERE code_search MATCH :match AND code_search.rowid >= (SELECT min(id) FROM newest)
                ORDER BY c.is_em DESC, bm25(code_search, 8.0, 1.0) + rank_rules(c.code, c.billable, c.description, :match), c.code
                LIMIT :limit
                """, arguments: ["match": match, "day": day, "limit": limit, "candidates": match.allSatisfy(\.isASCII) ? LocalStore.broadQueryCandidates : -1])
            // Headers then move after the billable codes under them that the list shows.
            return SearchRankRules.headersAfterTheirCodes(rows, code: { $0["code"] }, billable: { $0["billable"] }).map { $0["code"] }
        }
    }

    /// `rank_rules(code, billable, description, query)`: ``SearchRankRules`` for a row (no favorites here).
    static let rankRules = DatabaseFunction("rank_rules", argumentCount: 4, pure: true) { values in
        guard let code = String.fromDatabaseValue(values[0]), let billable = Bool.fromDatabaseValue(values[1]),
              let description = String.fromDatabaseValue(values[2]), let query = String.fromDatabaseValue(values[3]) else { return nil }
        let words = SynonymTable.words(description), queryWords = SynonymTable.words(query)
        let leads = SearchRankRules.leads(description: words, queryFirst: queryWords.first ?? "")
        return SearchRankRules.adjustment(code: code, billable: billable, description: SearchRankRules.Markers(words: words),
                                          query: SearchRankRules.Markers(words: queryWords), leads: leads)
    }

    /// Whether a synonym gives `query` a reading other than its own words (then it is not compared).
    static func readOtherwise(_ query: String) -> Bool {
        let words = SynonymTable.words(query)
        return SynonymTable.bundled().rewrite(words)?.alternatives.contains { $0 != words } ?? false
    }

    static func matchCount(_ match: String) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM code_search WHERE code_search MATCH ?", arguments: [match]) ?? 0 }
    }

    /// Whether the store reads `text` as a code prefix (one token of 2–7 letters and digits with a digit).
    static func isCodeQuery(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let compact = DiagnosisCode.normalize(trimmed)
        return !trimmed.contains(" ") && (2...7).contains(compact.count)
            && compact.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && compact.contains(where: \.isNumber)
    }

    /// The FTS5 expression the store builds for a word query (quoted words, the last one a prefix).
    static func wordExpression(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { $0 == words.count - 1 ? "\"\($1)\"*" : "\"\($1)\"" }.joined(separator: " ")
    }

    /// Every word query, broad or not, and those with a word in most descriptions ("of"),
    /// which the search leaves out of the full-text match and checks itself.
    @Test func wordQueriesRankAsFTS5Does() throws {
        let day = CalendarDate("2025-01-10")!
        var compared = 0, broad = 0, withOf = 0
        for query in Self.keystrokes where !Self.isCodeQuery(query) && !Self.readOtherwise(query) {
            guard let match = Self.wordExpression(query) else { continue }
            let expected = try Self.fts5Ranking(match, day: day.description, limit: 20)
            let actual = try Self.store.searchCodes(query, on: day, limit: 20).map(\.code)
            #expect(actual == expected, "'\(query)'")
            compared += 1
            if try Self.matchCount(match) > LocalStore.broadQueryCandidates { broad += 1 }
            if match.contains("\"of\" ") { withOf += 1 }
        }
        #expect(compared > 300)
        #expect(broad > 50)
        #expect(withOf > 20)
        // "of" is in most rows of the index: the words the search drops from the match.
        let rows = try Self.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM code_search") ?? 0 }
        #expect(try Self.matchCount("\"of\"") * 2 > rows)
    }

    @Test(arguments: ["S5", "S52", "S52.5", "E1", "E11.6", "T8", "99", "992", "9921", "0591", "M1"])
    func codePrefixesListE_MThenShortestFirst(prefix: String) throws {
        let day = CalendarDate("2025-01-10")!
        let compact = DiagnosisCode.normalize(prefix)
        let expected = try Self.store.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.code FROM code_search JOIN code AS c ON c.rowid = code_search.rowid
                WHERE code_search MATCH ? ORDER BY c.is_em DESC, length(c.code), c.code LIMIT 12
                """, arguments: ["code : \"\(compact)\"*"])
        }
        #expect(try Self.store.searchCodes(prefix, on: day, limit: 12).map(\.code) == expected)
    }

    @Test func broadQueriesStillListMatches() throws {
        let day = CalendarDate("2025-01-10")!
        for query in ["o", "of", "fracture", "encounter"] {
            let found = try Self.store.searchCodes(query, on: day, limit: 10)
            #expect(found.count == 10, "'\(query)'")
        }
        // E/M visits still come first while "office" is typed.
        #expect(try Self.store.searchCodes("of", on: day, limit: 3).allSatisfy(\.isEM))
    }
}
