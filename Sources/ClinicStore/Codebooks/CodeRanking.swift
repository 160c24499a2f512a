import Foundation
import GRDB
import Synchronization

/// FTS5's `bm25(code_search, 8.0, 1.0)`, computed here for the candidate rows of a word
/// search, with each phrase's document frequency remembered between searches.
///
/// FTS5 computes a phrase's inverse document frequency by reading the phrase's whole doclist
/// on every query: a few milliseconds for a common word ("of", "left") or a one-letter prefix,
/// whatever the query's other words. The score here is the same formula on the same numbers
/// (row count and token totals from the index's own averages record, per-row token counts
/// from the unicode61 tokenization of ASCII text), in the same order of operations; only the
/// document frequencies come from a cache keyed by the set of releases in the store. Text
/// that is not ASCII is left to FTS5 (``score(code:description:)`` answers `nil`).
struct CodeRanking {
    /// One quoted word of the query; the last one matches as a prefix.
    struct Phrase: Hashable, Sendable {
        var term: String
        var isPrefix: Bool

        /// The phrase as FTS5 reads it: `"term"`, or `"term"*` for a prefix.
        var expression: String { "\"\(term)\"" + (isPrefix ? "*" : "") }
    }

    let phrases: [Phrase]
    /// Each phrase's term as bytes.
    let terms: [[UInt8]]
    let idf: [Double]
    let averageLength: Double
    /// Per phrase: a whole word in more than half the rows ("of"), whose idf is FTS5's floor.
    let common: [Bool]

    /// A row's score, whether every phrase occurs in it, and the rank rules' words in its description.
    struct Score {
        /// `bm25(code_search, 8.0, 1.0)`: lower is better.
        var bm25: Double
        var hasEveryPhrase: Bool
        /// The ``SearchRankRules/markerWords`` of the description.
        var markers: SearchRankRules.Markers
        /// Whether the description starts with the query's first word (``SearchRankRules/leads(description:queryFirst:)``).
        var leads: Bool
    }

    /// The ``SearchRankRules/markerWords`` among the query's words.
    var queryMarkers: SearchRankRules.Markers { SearchRankRules.Markers(words: phrases.map(\.term)) }

    /// The query without its common words (``common``), when it has both kinds: the same
    /// matches plus rows lacking a common word, which ``Score/hasEveryPhrase`` tells apart.
    /// FTS5 spends as long walking the list of "of" (most of ICD-10-CM) as on the rest.
    var expressionWithoutCommonWords: String? {
        guard common.contains(true), common.contains(false) else { return nil }
        return phrases.indices.filter { !common[$0] }.map { phrases[$0].expression }.joined(separator: " ")
    }

    /// The phrases of an FTS5 word expression from ``CodeQuery/ftsExpression(for:)``
    /// (`"type" "2" "diab"*`); `nil` when a word is not plain lower-case ASCII.
    static func phrases(in expression: String) -> [Phrase]? {
        var phrases: [Phrase] = []
        for piece in expression.split(separator: " ") {
            let isPrefix = piece.hasSuffix("\"*")
            guard piece.hasPrefix("\""), piece.hasSuffix(isPrefix ? "\"*" : "\"") else { return nil }
            let term = piece.dropFirst().dropLast(isPrefix ? 2 : 1)
            guard !term.isEmpty, term.utf8.allSatisfy(isTokenByte), !term.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
            else { return nil }
            phrases.append(Phrase(term: String(term), isPrefix: isPrefix))
        }
        return phrases.isEmpty ? nil : phrases
    }

    /// What every ranking of one search reads of the index once: its row and token totals
    /// (FTS5's averages record) and the store's releases (the key of remembered frequencies).
    struct IndexTotals: Sendable {
        var rows: Int64
        var tokens: Int64
        /// The ids of every release in the store, joined by commas.
        var releases: String

        /// The index's totals now, or `nil` when the index has no statistics.
        static func read(_ db: Database) throws -> IndexTotals? {
            guard let block = try Data.fetchOne(db.cachedStatement(sql: "SELECT block FROM code_search_data WHERE id = 1")),
                  let totals = CodeRanking.varints(in: [UInt8](block)), totals.count >= 3, totals[0] > 0 else { return nil }
            let releases = try String.fetchOne(db.cachedStatement(
                sql: "SELECT group_concat(id, ',') FROM (SELECT id FROM code_release ORDER BY id)")) ?? ""
            return IndexTotals(rows: totals[0], tokens: totals[1...].reduce(0, +), releases: releases)
        }
    }

    /// The ranking for `phrases` over the store's search index with `totals`. Unknown document
    /// frequencies are counted now and remembered.
    static func make(_ phrases: [Phrase], totals: IndexTotals, _ db: Database) throws -> CodeRanking {
        let rows = totals.rows, tokens = totals.tokens, releases = totals.releases
        var idf: [Double] = []
        var common: [Bool] = []
        for phrase in phrases {
            let key = "\(releases)|\(rows)|\(phrase.isPrefix ? "*" : "=")\(phrase.term)"
            let hits: Int64
            if let known = frequencies.withLock({ $0[key] }) {
                hits = known
            } else {
                hits = try Int64.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM code_search WHERE code_search MATCH ?"),
                                          arguments: [phrase.expression]) ?? 0
                frequencies.withLock { cache in
                    if cache.count > 50_000 { cache.removeAll() }
                    cache[key] = hits
                }
            }
            // As FTS5's fts5Bm25GetData.
            var value = log((Double(rows - hits) + 0.5) / (Double(hits) + 0.5))
            if value <= 0.0 { value = 1e-6 }
            idf.append(value)
            common.append(!phrase.isPrefix && hits * 2 > rows)
        }
        return CodeRanking(phrases: phrases, terms: phrases.map { Array($0.term.utf8) }, idf: idf,
                           averageLength: Double(tokens) / Double(rows), common: common)
    }

    /// The score of a row from its code and description as UTF-8 bytes, or `nil` when either
    /// is not ASCII.
    func score(code: UnsafeBufferPointer<UInt8>, description: UnsafeBufferPointer<UInt8>) -> Score? {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: phrases.count) { frequencies -> Score? in
            frequencies.initialize(repeating: 0)
            var length = 0
            var markers: UInt64 = 0, none: UInt64 = 0
            var leads = false, noLead = false
            guard count(code, weight: 8.0, into: frequencies, length: &length, markers: &none, leads: &noLead),
                  count(description, weight: 1.0, into: frequencies, length: &length, markers: &markers, leads: &leads) else { return nil }
            // As FTS5's fts5Bm25Function, k1 = 1.2, b = 0.75.
            let k1 = 1.2, b = 0.75, D = Double(length)
            var score = 0.0
            for index in phrases.indices {
                score += idf[index] * ((frequencies[index] * (k1 + 1.0)) / (frequencies[index] + k1 * (1 - b + b * D / averageLength)))
            }
            return Score(bm25: -1.0 * score, hasEveryPhrase: !frequencies.contains(0),
                         markers: SearchRankRules.Markers(rawValue: markers), leads: leads)
        }
    }

    /// Adds `weight` to each phrase's frequency for every token of `bytes` it matches, counts
    /// the tokens into `length` and sets the bit of each marker word found (weight 1 only: the
    /// description); `false` when `bytes` is not ASCII.
    private func count(_ bytes: UnsafeBufferPointer<UInt8>, weight: Double, into frequencies: UnsafeMutableBufferPointer<Double>,
                       length: inout Int, markers: inout UInt64, leads: inout Bool) -> Bool {
        var index = 0
        var leadPending = true
        var position = 0, lastNot = Int.min / 2
        while index < bytes.count {
            guard bytes[index] < 0x80 else { return false }
            guard Self.isTokenByte(bytes[index]) else { index += 1; continue }
            var end = index
            while end < bytes.count && Self.isTokenByte(bytes[end]) { end += 1 }
            length += 1
            for (number, term) in terms.enumerated() where Self.matches(bytes, index, end, term, prefix: phrases[number].isPrefix) {
                frequencies[number] += weight
            }
            if leadPending, !SearchRankRules.leadFillers.contains(where: { Self.matches(bytes, index, end, $0, prefix: false) }) {
                leadPending = false
                leads = Self.matches(bytes, index, end, terms[0], prefix: false)
            }
            if weight == 1.0, end - index >= 3, end - index <= 13 {
                if Self.matches(bytes, index, end, Self.not, prefix: false) { lastNot = position }
                for (bit, word) in SearchRankRules.markerBytes.enumerated() where Self.matches(bytes, index, end, word, prefix: false) {
                    // As SearchRankRules.Markers(words:): a negated qualifier is none.
                    if bit < SearchRankRules.Markers.firstQualifier || position - lastNot > SearchRankRules.negationReach {
                        markers |= 1 << UInt64(bit)
                    }
                    break
                }
            }
            position += 1
            index = end
        }
        return true
    }

    /// Whether the token `bytes[start..<end]`, folded to lower case, is `term` (or starts with it).
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ term: [UInt8],
                                prefix: Bool) -> Bool {
        let count = end - start
        guard prefix ? count >= term.count : count == term.count else { return false }
        for offset in 0..<term.count {
            let byte = bytes[start + offset]
            if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != term[offset] { return false }
        }
        return true
    }

    /// "not", which negates a qualifier just after it.
    private static let not = Array("not".utf8)

    /// unicode61's token characters in ASCII: letters and digits.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// SQLite varints (FTS5's averages record: row count, then each column's token total).
    static func varints(in bytes: [UInt8]) -> [Int64]? {
        var values: [Int64] = []
        var index = 0
        while index < bytes.count {
            var value: UInt64 = 0
            var length = 0
            while true {
                guard index < bytes.count else { return nil }
                let byte = bytes[index]
                index += 1
                length += 1
                if length == 9 {
                    value = value << 8 | UInt64(byte)
                    break
                }
                value = value << 7 | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            values.append(Int64(bitPattern: value))
        }
        return values
    }

    /// Document frequencies by release set, phrase kind and term.
    private static let frequencies = Mutex<[String: Int64]>([:])
}
