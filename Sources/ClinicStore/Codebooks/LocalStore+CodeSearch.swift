import BillingModel
import GRDB

extension LocalStore {
    /// Finds codes as a coder types: code prefixes (`9921`, `E11.6`) or words of the description
    /// (`type 2 diabetes without complications`, `office vis`), best matches first.
    ///
    /// Only releases in force on `date` (default: today) are searched; for each system that is the
    /// release with the latest `effective_from` on or before the date that has not ended.
    public func searchCodes(_ text: String, system: CodeSystem? = nil, on date: CalendarDate? = nil,
                            limit: Int = 10) throws -> [CodeMatch] {
        guard let match = CodeQuery.ftsExpression(for: text) else { return [] }
        // A code prefix lists in codebook order (E11.6, E11.61, E11.610 ...). Words rank by relevance,
        // nudged towards billable and shorter (more general) codes, so "hypertens" finds I10 first.
        let order = match.hasPrefix("code :") ? "c.is_em DESC, length(c.code), c.code"
            : "c.is_em DESC, bm25(code_search, 8.0, 1.0) - c.billable + 0.5 * length(c.code), c.code"
        let day = (date ?? today).description
        let systemFilter = system.map { _ in "AND c.system = :system" } ?? ""
        return try read { db in
            try Row.fetchAll(db, sql: """
                WITH \(Self.inForceCTE)
                SELECT c.system, c.code, c.description, c.billable, c.is_em, r.name AS release,
                       r.effective_from, r.effective_to
                FROM code_search
                JOIN code AS c ON c.rowid = code_search.rowid
                JOIN in_force AS r ON r.id = c.release_id
                WHERE code_search MATCH :match \(systemFilter)
                ORDER BY \(order)
                LIMIT :limit
                """, arguments: ["match": match, "day": day, "system": system?.rawValue, "limit": max(1, min(limit, 200))])
            .map(Self.codeMatch)
        }
    }

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
