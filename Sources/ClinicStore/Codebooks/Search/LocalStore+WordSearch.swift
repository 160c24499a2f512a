import BillingModel
import GRDB

extension LocalStore {
    /// Finds codes as a coder types: code prefixes (`9921`, `E11.6`) or words (`type 2 diabetes
    /// without`, `office vis`), everyday words and abbreviations (`uti`, `pink eye`) and
    /// misspellings (`pnuemonia`), best matches first.
    ///
    /// Only releases in force on `date` (default: today) are searched; for each system that is the
    /// release with the latest `effective_from` on or before the date that has not ended.
    ///
    /// A code prefix lists in codebook order: E/M codes first, then shorter (more general) codes
    /// first (E11.6, E11.61, E11.610 ...), read straight from the `code_length` index; favorites
    /// do not move it, so an exact code always lists first. Words:
    /// 1. the query's everyday terms (``SynonymTable``: the shipped list and the office's own)
    ///    are replaced by the words of the code sets, each alternative reading searched and their
    ///    results taken in turn; then the query as typed fills the rest;
    /// 2. each search ranks by relevance (FTS5's bm25, see ``CodeRanking``) and
    ///    ``SearchRankRules`` (billable before headers, a condition's default code first, no
    ///    context the query did not ask for, shorter codes first), less the clinic's
    ///    ``FavoriteCode/boost(uses:)``; the last word matches as a prefix (as you type);
    /// 3. when nothing matches, every word is taken as a prefix; then plural endings are taken off
    ///    (``SynonymTable/folded(_:)``); when still nothing matches, each word the index does not
    ///    have is replaced by its nearest index word (``TypoCorrection``) and the corrected query,
    ///    searched the same way, is ``CodeSearchResult/didYouMean``; when still nothing matches,
    ///    the query less one of its last ``wordsToDrop`` words (the last first) is, the same way.
    ///
    /// A word query so broad that it matches more than ``broadQueryCandidates`` entries (the
    /// first keystrokes: "o", "fracture") ranks only the newest rows of its matches, which imports
    /// fill with each release's likeliest codes (``SearchRankRules/standing(code:description:billable:)``).
    public func findCodes(_ text: String, system: CodeSystem? = nil, on date: CalendarDate? = nil,
                          limit: Int = 10) throws -> CodeSearchResult {
        guard let match = CodeQuery.ftsExpression(for: text) else { return CodeSearchResult(matches: []) }
        let day = (date ?? today).description
        let limit = max(1, min(limit, 200))
        return try read { db in
            if let prefix = CodeQuery.codePrefix(in: match) {
                let codes = try Self.codes(prefixed: prefix, system: system, day: day, limit: limit, db)
                // A code-shaped word no code starts with ("dm2", "a1c") is read as words.
                if !codes.isEmpty { return CodeSearchResult(matches: codes) }
            }
            let synonyms = try self.synonymTable(db)
            let favorites = try self.favoriteBoosts(db)
            let words = SynonymTable.words(text)
            let facts = try SearchFacts.read(day: day, db)
            func search(_ words: [String], allPrefixes: Bool = false) throws -> [Int64] {
                try Self.rankedRows(matching: CodeQuery.expression(words, allPrefixes: allPrefixes), system: system,
                                    day: day, limit: limit, favorites: favorites, facts: facts, db)
            }
            var (rows, readAs) = try Self.merged(words, synonyms, limit: limit, search: { try search($0) })
            if rows.isEmpty && words.count > 1 { rows = try search(words, allPrefixes: true) }
            var didYouMean: String?
            // Plural or singular as the code sets have it ("nose bleeds" → "nose bleed").
            let folded = words.map(SynonymTable.folded)
            if rows.isEmpty && folded != words {
                (rows, readAs) = try Self.merged(folded, synonyms, limit: limit, search: { try search($0) })
            }
            var best = folded
            if rows.isEmpty {
                let covered = synonyms.rewrite(words)?.covered ?? []
                var corrected = words
                for (index, word) in words.enumerated() where !covered.contains(index) {
                    if try Self.indexHas(word, asPrefix: index == words.count - 1, db) { continue }
                    if let fix = try self.correction(for: word, synonyms: synonyms, db) { corrected[index] = fix }
                }
                if corrected != words {
                    (rows, readAs) = try Self.merged(corrected, synonyms, limit: limit, search: { try search($0) })
                    if !rows.isEmpty { didYouMean = corrected.joined(separator: " ") }
                    best = corrected.map(SynonymTable.folded)
                }
            }
            // No code has every word: the query less one word, the last first ("chf exacerbation" → "chf").
            if rows.isEmpty && words.count > 1 {
                for dropped in words.indices.reversed().prefix(Self.wordsToDrop) {
                    var fewer = best
                    fewer.remove(at: dropped)
                    (rows, readAs) = try Self.merged(fewer, synonyms, limit: limit, search: { try search($0) })
                    if !rows.isEmpty {
                        didYouMean = fewer.joined(separator: " ")
                        break
                    }
                }
            }
            return CodeSearchResult(matches: try Self.details(of: rows, db), didYouMean: didYouMean, readAs: readAs)
        }
    }

    /// How many one-word-shorter queries a query that matches nothing tries (each a search).
    static let wordsToDrop = 3

    /// The rows of each reading of `words` in turn (first of each, then second of each ...), then
    /// those of `words` as typed when the readings leave room; and the readings that found rows.
    private static func merged(_ words: [String], _ synonyms: SynonymTable, limit: Int,
                               search: ([String]) throws -> [Int64]) throws -> (rows: [Int64], readAs: [String]) {
        var lists: [[Int64]] = [], readAs: [String] = []
        for reading in synonyms.rewrite(words)?.alternatives ?? [] where reading != words {
            let found = try search(reading)
            if !found.isEmpty {
                lists.append(found)
                readAs.append(reading.joined(separator: " "))
            }
        }
        var rows: [Int64] = [], seen = Set<Int64>()
        var position = 0
        while rows.count < limit && lists.contains(where: { position < $0.count }) {
            for list in lists where position < list.count && rows.count < limit && seen.insert(list[position]).inserted {
                rows.append(list[position])
            }
            position += 1
        }
        if rows.count < limit {
            for row in try search(words) where rows.count < limit && seen.insert(row).inserted { rows.append(row) }
        }
        return (rows, readAs)
    }

    /// Whether some row of the index has `word` (or, `asPrefix`, a word starting with it).
    private static func indexHas(_ word: String, asPrefix: Bool, _ db: Database) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM code_search WHERE code_search MATCH ? LIMIT 1"),
                         arguments: [CodeQuery.expression([word], allPrefixes: asPrefix)]) != nil
    }

    /// The index word or synonym term word nearest `word` (``TypoCorrection``) among those with its
    /// first letter (a typo rarely hits the first letter; reading every word would cost tens of
    /// milliseconds); an index word wins a tie with a synonym's (`shingels` → `shingle`, a word only synonyms have).
    /// The index words are remembered per first letter until the store's releases change.
    private func correction(for word: String, synonyms: SynonymTable, _ db: Database) throws -> String? {
        guard TypoCorrection.allowedDistance(forLength: word.utf8.count) > 0,
              let first = word.unicodeScalars.first, first.isASCII, first.value < 0x7F else { return nil }
        let next = String(UnicodeScalar(UInt8(first.value + 1)))
        let releases = try String.fetchOne(db.cachedStatement(sql: "SELECT group_concat(id, ',') FROM (SELECT id FROM code_release ORDER BY id)")) ?? ""
        let vocabulary = try searchCache.vocabulary(key: releases, first: String(first)) {
            try Row.fetchAll(db.cachedStatement(sql: "SELECT term, doc FROM code_search_vocab WHERE term >= ? AND term < ?"),
                             arguments: [String(first), next]).map { (term: $0[0] as String, rows: $0[1] as Int) }
        }
        let typed = Array(String(first).utf8)
        let termWords = Set(synonyms.entries.keys.joined()).filter { $0.utf8.first == typed.first }
        return TypoCorrection.correction(for: word, in: vocabulary + termWords.map { (term: $0, rows: 0) })
    }
}
