import BillingModel
import GRDB
import GRDBSQLite

extension LocalStore {
    /// Finds codes as a coder types (see ``findCodes(_:system:on:limit:)``), best matches first.
    public func searchCodes(_ text: String, system: CodeSystem? = nil, on date: CalendarDate? = nil,
                            limit: Int = 10) throws -> [CodeMatch] {
        try findCodes(text, system: system, on: date, limit: limit).matches
    }

    /// Word queries matching more entries than this rank a bounded set of them (see ``searchCodes(_:system:on:limit:)``).
    public static let broadQueryCandidates = 300

    /// Codes starting with `prefix`: E/M codes first, then by length and code, one index range per length.
    static func codes(prefixed prefix: String, system: CodeSystem?, day: String, limit: Int,
                              _ db: Database) throws -> [CodeMatch] {
        let upper = String(prefix.dropLast()) + String(UnicodeScalar(prefix.unicodeScalars.last!.value + 1)!)
        let systemFilter = system.map { _ in "AND c.system = :system" } ?? ""
        let arguments: StatementArguments = ["lo": prefix, "hi": upper, "day": day, "system": system?.rawValue]
        var rows: [Row] = []
        // E/M codes (99202-99499) list first, whatever their length.
        if prefix.hasPrefix("99") || "99".hasPrefix(prefix) {
            rows += try Row.fetchAll(db.cachedStatement(sql: """
                WITH \(inForceCTE)
                \(matchColumns) FROM code AS c JOIN in_force AS r ON r.id = c.release_id
                WHERE c.code >= :lo AND c.code < :hi AND c.is_em = 1 \(systemFilter)
                ORDER BY length(c.code), c.code LIMIT :limit
                """), arguments: arguments + ["limit": limit])
        }
        let longest = try Int.fetchOne(db.cachedStatement(sql: "SELECT max(length(code)) FROM code")) ?? 0
        var length = prefix.count
        while rows.count < limit && length <= longest {
            var pass = arguments
            pass += ["length": length, "limit": limit - rows.count]
            rows += try Row.fetchAll(db.cachedStatement(sql: """
                WITH \(inForceCTE)
                \(matchColumns) FROM code AS c JOIN in_force AS r ON r.id = c.release_id
                WHERE length(c.code) = :length AND c.code >= :lo AND c.code < :hi AND c.is_em = 0 \(systemFilter)
                ORDER BY c.code LIMIT :limit
                """), arguments: pass)
            length += 1
        }
        return rows.map(codeMatch)
    }

    /// The rows whose code or description match the FTS5 expression `match`, best first (at most
    /// `limit`): by ``CodeRanking`` (FTS5's bm25 with remembered document frequencies) plus
    /// ``SearchRankRules``, less each favorite's boost, over every match or over the
    /// ``broadQueryCandidates`` newest ones for a broad query.
    static func rankedRows(matching match: String, system: CodeSystem?, day: String, limit: Int,
                           favorites: [String: Double], facts: SearchFacts, _ db: Database) throws -> [Int64] {
        if let phrases = CodeRanking.phrases(in: match), let totals = facts.totals,
           let ranked = try rankedCandidates(match, ranking: try CodeRanking.make(phrases, totals: totals, db), system: system,
                                             releases: facts.releasesInForce, favorites: favorites, db) {
            return SearchRankRules.headersAfterTheirCodes(Array(ranked.prefix(limit)), code: \.code, billable: \.billable).map(\.rowid)
        }
        // Text the ranking does not handle (not ASCII): FTS5 scores every match, the rules here.
        let systemFilter = system.map { _ in "AND c.system = :system" } ?? ""
        let queryWords = SynonymTable.words(match)
        let queryMarkers = SearchRankRules.Markers(words: queryWords)
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            WITH \(inForceCTE)
            SELECT c.rowid, c.code, c.billable, c.description, c.is_em, bm25(code_search, 8.0, 1.0) FROM code_search
            JOIN code AS c ON c.rowid = code_search.rowid
            JOIN in_force AS r ON r.id = c.release_id
            WHERE code_search MATCH :match \(systemFilter)
            """), arguments: ["match": match, "day": day, "system": system?.rawValue])
        let ranked = rows.map { row -> RankedCandidate in
            let code: String = row[1]
            let words = SynonymTable.words(row[3])
            let leads = queryWords.first.map { SearchRankRules.leads(description: words, queryFirst: $0) } ?? false
            let rules = SearchRankRules.adjustment(code: code, billable: row[2], description: SearchRankRules.Markers(words: words),
                                                   query: queryMarkers, leads: leads)
            return RankedCandidate(rowid: row[0], isEM: row[4], score: (row[5] as Double) + rules - (favorites[code] ?? 0),
                                   code: code, billable: row[2])
        }.sorted(by: RankedCandidate.precedes)
        return SearchRankRules.headersAfterTheirCodes(Array(ranked.prefix(limit)), code: \.code, billable: \.billable).map(\.rowid)
    }

    /// What each search of one query reads once (the query's readings, corrections and fallbacks
    /// run several): the index's totals and the releases in force on its day.
    struct SearchFacts {
        /// `nil` when the index has no statistics (FTS5 then ranks every search).
        var totals: CodeRanking.IndexTotals?
        /// The ids of the releases in force on the day searched, in order.
        var releasesInForce: [String]

        static func read(day: String, _ db: Database) throws -> SearchFacts {
            SearchFacts(totals: try CodeRanking.IndexTotals.read(db),
                        releasesInForce: try String.fetchAll(db.cachedStatement(sql: "WITH \(inForceCTE) SELECT id FROM in_force ORDER BY id"),
                                                             arguments: ["day": day]))
        }
    }

    /// A word query's match, scored: what the ranking orders by, and the row to read for the few shown.
    private struct RankedCandidate {
        var rowid: Int64
        var isEM: Bool
        /// `bm25(code_search, 8.0, 1.0)` plus ``SearchRankRules`` less the favorite boost: lower is better.
        var score: Double
        var code: String
        var billable: Bool

        /// `ORDER BY is_em DESC, score, code`.
        static func precedes(_ a: Self, _ b: Self) -> Bool {
            if a.isEM != b.isEM { return a.isEM }
            if a.score != b.score { return a.score < b.score }
            return a.code.utf8.lexicographicallyPrecedes(b.code.utf8)
        }
    }

    /// The matches of `match` in the releases in force, newest first and at most
    /// ``broadQueryCandidates`` of them, scored by `ranking` and sorted best first; `nil` when
    /// one of them is text the ranking cannot score (FTS5 ranks those queries).
    ///
    /// Each candidate is scored where SQLite holds it (`sqlite3_column_text`): strings and
    /// `Row`s for hundreds of candidates cost more than the full-text match. Only the codes
    /// shown are read whole, by ``details(of:_:)``.
    private static func rankedCandidates(_ match: String, ranking: CodeRanking, system: CodeSystem?, releases: [String],
                                         favorites: [String: Double], _ db: Database) throws -> [RankedCandidate]? {
        let queryMarkers = ranking.queryMarkers
        guard !releases.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: releases.count).joined(separator: ", ")
        var values: [DatabaseValue] = [match.databaseValue]
        values += releases.map(\.databaseValue)
        if let system { values.append(system.rawValue.databaseValue) }
        values.append(broadQueryCandidates.databaseValue)
        let statement = try db.cachedStatement(sql: """
            SELECT c.rowid, c.code, c.description, c.billable, c.is_em FROM code_search
            JOIN code AS c ON c.rowid = code_search.rowid
            WHERE code_search MATCH ? AND c.release_id IN (\(placeholders)) \(system == nil ? "" : "AND c.system = ?")
            ORDER BY code_search.rowid DESC LIMIT ?
            """)
        // The newest matches of `expression`, scored; those lacking a word skipped. `nil` when
        // one is text the ranking cannot score.
        func scan(_ expression: String, reading limit: Int) throws -> (ranked: [RankedCandidate], read: Int)? {
            values[0] = expression.databaseValue
            values[values.count - 1] = limit.databaseValue
            var ranked: [RankedCandidate] = []
            ranked.reserveCapacity(broadQueryCandidates)
            var read = 0, scoredEvery = true
            try StatementBinding.forEachRow(statement, values, in: db) { row in
                read += 1
                let code = StatementBinding.bytes(row, 1)
                guard let score = ranking.score(code: code, description: StatementBinding.bytes(row, 2)) else {
                    scoredEvery = false
                    return false
                }
                guard score.hasEveryPhrase else { return true }
                // ORDER BY c.is_em DESC, bm25(...) + rules - favorite boost, c.code (codes are ASCII here)
                let text = String(decoding: code, as: UTF8.self)
                let billable = sqlite3_column_int64(row, 3) != 0
                let rules = SearchRankRules.adjustment(code: text, billable: billable, description: score.markers,
                                                       query: queryMarkers, leads: score.leads)
                ranked.append(RankedCandidate(rowid: sqlite3_column_int64(row, 0), isEM: sqlite3_column_int64(row, 4) != 0,
                                              score: score.bm25 + rules - (favorites[text] ?? 0), code: text, billable: billable))
                return ranked.count < broadQueryCandidates
            }
            return scoredEvery ? (ranked, read) : nil
        }
        // Without its common words the query reads far less of the index, and the rows lacking
        // one are skipped here. Should those fill the rows read, FTS5 takes every word after all.
        var result: (ranked: [RankedCandidate], read: Int)?
        if let narrowed = ranking.expressionWithoutCommonWords {
            result = try scan(narrowed, reading: broadQueryCandidates * 4)
            if let scanned = result, scanned.ranked.count < broadQueryCandidates, scanned.read == broadQueryCandidates * 4 {
                result = try scan(match, reading: broadQueryCandidates)
            }
        } else {
            result = try scan(match, reading: broadQueryCandidates)
        }
        guard var ranked = result?.ranked else { return nil }
        ranked.sort(by: RankedCandidate.precedes)
        return ranked
    }

    /// The codes at `rowids`, with their releases, in that order.
    static func details(of rowids: [Int64], _ db: Database) throws -> [CodeMatch] {
        guard !rowids.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: rowids.count).joined(separator: ", ")
        var byRowID: [Int64: CodeMatch] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT c.rowid AS rowid, c.system, c.code, c.description, c.billable, c.is_em, r.name AS release,
                   r.effective_from, r.effective_to
            FROM code AS c JOIN code_release AS r ON r.id = c.release_id
            WHERE c.rowid IN (\(placeholders))
            """), arguments: StatementArguments(rowids))
        while let row = try rows.next() { byRowID[row["rowid"]] = codeMatch(row) }
        return rowids.compactMap { byRowID[$0] }
    }

    /// The select list ``codeMatch(_:)`` reads.
    private static let matchColumns = """
        SELECT c.system, c.code, c.description, c.billable, c.is_em, r.name AS release, r.effective_from, r.effective_to
        """

    /// Every release entry for one code (any system), newest release first.
    public func lookupCode(_ raw: String) throws -> [CodeMatch] {
        let code = DiagnosisCode.normalize(raw)
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.system, c.code, c.description, c.billable, c.is_em, r.name AS release,
                       r.effective_from, r.effective_to
                FROM code AS c JOIN code_release AS r ON r.id = c.release_id
                WHERE c.code = ? ORDER BY r.effective_from DESC
                """, arguments: [code]).map(Self.codeMatch)
        }
    }

    /// A common table expression `in_force(id, system, name, effective_from, effective_to)` of the
    /// releases in force on `:day`.
    static let inForceCTE = """
        in_force AS (
          SELECT r.* FROM code_release AS r
          WHERE r.effective_from <= :day AND (r.effective_to IS NULL OR r.effective_to >= :day)
            AND NOT EXISTS (
              SELECT 1 FROM code_release AS n
              WHERE n.system = r.system AND n.effective_from <= :day
                AND (n.effective_to IS NULL OR n.effective_to >= :day)
                AND (n.effective_from > r.effective_from
                     OR (n.effective_from = r.effective_from AND n.imported_at > r.imported_at)))
        )
        """

    /// A match from a row of ``matchColumns``.
    private static func codeMatch(_ row: Row) -> CodeMatch {
        let system = CodeSystem(rawValue: row["system"]) ?? .cpt
        let code: String = row["code"]
        return CodeMatch(system: system, code: code,
                         display: system == .icd10cm ? DiagnosisCode.display(code) : code,
                         description: row["description"], billable: row["billable"], isEM: row["is_em"],
                         release: row["release"], effectiveFrom: row["effective_from"], effectiveTo: row["effective_to"])
    }
}

/// Turns what a coder typed into an FTS5 query.
enum CodeQuery {
    /// The code prefix of a code query from ``ftsExpression(for:)`` (`code : "E116"*` → `E116`), else `nil`.
    static func codePrefix(in expression: String) -> String? {
        guard expression.hasPrefix("code : \""), expression.hasSuffix("\"*") else { return nil }
        let prefix = expression.dropFirst(8).dropLast(2)
        return prefix.isEmpty ? nil : String(prefix)
    }

    /// The FTS5 expression of `words`: each quoted, the last one (or, `allPrefixes`, each) a prefix.
    static func expression(_ words: [String], allPrefixes: Bool = false) -> String {
        words.enumerated().map { index, word in
            allPrefixes || index == words.count - 1 ? "\"\(word)\"*" : "\"\(word)\""
        }.joined(separator: " ")
    }

    /// A single code-like token (`9921`, `E11.6`, `g04`) searches the code column by prefix;
    /// anything else matches every word, the last one as a prefix (as you type).
    static func ftsExpression(for text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let compact = DiagnosisCode.normalize(trimmed)
        if !trimmed.contains(" "), compact.count >= 2, compact.count <= 7,
           compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), compact.contains(where: \.isNumber) {
            return "code : \"\(compact)\"*"
        }
        let words = trimmed.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            index == words.count - 1 ? "\"\(word)\"*" : "\"\(word)\""
        }.joined(separator: " ")
    }
}
