import BillingModel
import GRDB

extension LocalStore {
    /// Finds codes as a coder types: code prefixes (`9921`, `E11.6`) or words of the description
    /// (`type 2 diabetes without complications`, `office vis`), best matches first.
    ///
    /// Only releases in force on `date` (default: today) are searched; for each system that is the
    /// release with the latest `effective_from` on or before the date that has not ended.
    ///
    /// A code prefix lists in codebook order: E/M codes first, then shorter (more general) codes
    /// first (E11.6, E11.61, E11.610 ...), read straight from the `code_length` index. Words rank
    /// by relevance (FTS5's bm25, see ``CodeRanking``), nudged towards billable and shorter
    /// codes, so "hypertens" finds I10 first. A word query so broad that it matches more than
    /// ``broadQueryCandidates`` entries (the first keystrokes: "o", "fracture") ranks only the
    /// most recently imported of them: ranking every match would take tens of milliseconds.
    public func searchCodes(_ text: String, system: CodeSystem? = nil, on date: CalendarDate? = nil,
                            limit: Int = 10) throws -> [CodeMatch] {
        guard let match = CodeQuery.ftsExpression(for: text) else { return [] }
        let day = (date ?? today).description
        let limit = max(1, min(limit, 200))
        return try read { db in
            if let prefix = CodeQuery.codePrefix(in: match) {
                return try Self.codes(prefixed: prefix, system: system, day: day, limit: limit, db)
            }
            return try Self.codes(matching: match, system: system, day: day, limit: limit, db)
        }
    }

    /// Word queries matching more entries than this rank a bounded set of them (see ``searchCodes(_:system:on:limit:)``).
    public static let broadQueryCandidates = 300

    /// Codes starting with `prefix`: E/M codes first, then by length and code, one index range per length.
    private static func codes(prefixed prefix: String, system: CodeSystem?, day: String, limit: Int,
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

    /// Codes whose code or description match the FTS5 expression `match`, best first: by
    /// ``CodeRanking`` (FTS5's bm25 with remembered document frequencies) over every match,
    /// or over the ``broadQueryCandidates`` most recently imported ones for a broad query.
    private static func codes(matching match: String, system: CodeSystem?, day: String, limit: Int,
                              _ db: Database) throws -> [CodeMatch] {
        let systemFilter = system.map { _ in "AND c.system = :system" } ?? ""
        let arguments: StatementArguments = ["match": match, "day": day, "system": system?.rawValue, "limit": limit]
        if let phrases = CodeRanking.phrases(in: match), let ranking = try CodeRanking.make(phrases, db) {
            // The releases in force, read once (not once per matching row), then the newest
            // matches among them, one more than a broad query's candidates.
            let releases = try Row.fetchAll(db.cachedStatement(sql: """
                WITH \(inForceCTE) SELECT id, name, effective_from, effective_to FROM in_force ORDER BY id
                """), arguments: ["day": day])
            guard !releases.isEmpty else { return [] }
            var inForce: [String: Row] = [:]
            for release in releases { inForce[release[0]] = release }
            let placeholders = Array(repeating: "?", count: releases.count).joined(separator: ", ")
            var values: [DatabaseValue] = [match.databaseValue]
            values += releases.map { ($0[0] as String).databaseValue }
            if let system { values.append(system.rawValue.databaseValue) }
            values.append((broadQueryCandidates + 1).databaseValue)
            // Read in place through a cursor: a copied `Row` per match (with its column names)
            // cost more than the full-text match itself for a broad query's 300 candidates.
            var candidates: [Candidate] = []
            candidates.reserveCapacity(broadQueryCandidates + 1)
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT c.system, c.code, c.description, c.billable, c.is_em, c.release_id FROM code_search
                JOIN code AS c ON c.rowid = code_search.rowid
                WHERE code_search MATCH ? AND c.release_id IN (\(placeholders)) \(system == nil ? "" : "AND c.system = ?")
                ORDER BY code_search.rowid DESC LIMIT ?
                """), arguments: StatementArguments(values))
            while let row = try cursor.next() {
                candidates.append(Candidate(system: row[0], code: row[1], description: row[2], billable: row[3],
                                            isEM: row[4], releaseID: row[5]))
            }
            if candidates.count > broadQueryCandidates { candidates.removeLast() }   // broad: rank the newest only
            var ranked: [(candidate: Candidate, emFirst: Int, score: Double)] = []
            ranked.reserveCapacity(candidates.count)
            for candidate in candidates {
                guard let bm25 = ranking.score(code: candidate.code, description: candidate.description) else { ranked = []; break }
                // ORDER BY c.is_em DESC, bm25(...) - c.billable + 0.5 * length(c.code), c.code
                ranked.append((candidate, candidate.isEM ? -1 : 0,
                               bm25 - (candidate.billable ? 1 : 0) + 0.5 * Double(candidate.code.count)))
            }
            if ranked.count == candidates.count {
                ranked.sort { a, b in
                    if a.emFirst != b.emFirst { return a.emFirst < b.emFirst }
                    if a.score != b.score { return a.score < b.score }
                    return a.candidate.code.utf8.lexicographicallyPrecedes(b.candidate.code.utf8)
                }
                // Every candidate's release is in force: the query asked for those releases only.
                return ranked.prefix(limit).compactMap { ranked in
                    inForce[ranked.candidate.releaseID].map { ranked.candidate.match(release: $0) }
                }
            }
        }
        // Text the ranking does not handle (not ASCII): FTS5 ranks every match.
        return try Row.fetchAll(db.cachedStatement(sql: """
            WITH \(inForceCTE)
            \(matchColumns) FROM code_search
            JOIN code AS c ON c.rowid = code_search.rowid
            JOIN in_force AS r ON r.id = c.release_id
            WHERE code_search MATCH :match \(systemFilter)
            ORDER BY c.is_em DESC, bm25(code_search, 8.0, 1.0) - c.billable + 0.5 * length(c.code), c.code
            LIMIT :limit
            """), arguments: arguments).map(codeMatch)
    }

    /// A word query's match as read for ranking: the code row's columns, no more.
    private struct Candidate {
        var system: String
        var code: String
        var description: String
        var billable: Bool
        var isEM: Bool
        var releaseID: String

        /// The match, dated by its release's row (`id`, `name`, `effective_from`, `effective_to`).
        func match(release: Row) -> CodeMatch {
            let system = CodeSystem(rawValue: system) ?? .cpt
            return CodeMatch(system: system, code: code,
                             display: system == .icd10cm ? DiagnosisCode.display(code) : code,
                             description: description, billable: billable, isEM: isEM,
                             release: release["name"], effectiveFrom: release["effective_from"],
                             effectiveTo: release["effective_to"])
        }
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
