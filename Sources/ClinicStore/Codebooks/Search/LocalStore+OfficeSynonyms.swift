import Foundation
import GRDB

extension LocalStore {
    /// Adds the office's own search words, or replaces a term it had: `term` then reads as
    /// `alternatives` in every search of this store, over the shipped list. Local to this store
    /// (not synced). Refused, with nothing changed, when the term or an alternative has no letter
    /// or digit, or when an alternative's words match no code in the store's releases.
    @discardableResult
    public func addSynonym(term: String, alternatives: [String]) throws -> OfficeSynonym {
        try addSynonyms([(term, alternatives)]).first!
    }

    /// Adds every pair, or none: the first refused pair refuses them all (see ``addSynonym(term:alternatives:)``).
    public func addSynonyms(_ pairs: [(term: String, alternatives: [String])]) throws -> [OfficeSynonym] {
        let now = clock.nowMillis()
        return try write { db in
            var added: [OfficeSynonym] = []
            for (term, alternatives) in pairs {
                let synonym = try Self.checkedSynonym(term: term, alternatives: alternatives, at: now, db)
                try db.execute(sql: "INSERT OR REPLACE INTO office_synonym (term, words, added_at) VALUES (?, ?, ?)",
                               arguments: [synonym.term, synonym.alternatives.joined(separator: "|"), now])
                added.append(synonym)
            }
            return added
        }
    }

    /// Adds the synonyms of a file in the shipped list's layout (`term<TAB>words[|other words]`,
    /// `#` comments): all of them or, at the first bad line (named by its number), none.
    public func importSynonyms(file path: String) throws -> [OfficeSynonym] {
        let name = (path as NSString).lastPathComponent
        let lines = try SynonymTable.readFile(path)
        let pairs = lines.map { (term: $0.term, alternatives: $0.alternatives) }
        // Check each line alone first, so a refusal names its line.
        let checked = pairs, lineNumbers = lines.map(\.line)
        try read { db in
            for (index, pair) in checked.enumerated() {
                do {
                    _ = try Self.checkedSynonym(term: pair.term, alternatives: pair.alternatives, at: 0, db)
                } catch let error as StoreError {
                    throw StoreError.importFailed(file: name, line: lineNumbers[index], reason: Self.reason(error))
                }
            }
        }
        return try addSynonyms(pairs)
    }

    /// The office's own synonyms and, at a clinic, the central office's it received that the
    /// clinic has no entry of its own for (``OfficeSynonym/source`` says which), by term.
    public func officeSynonyms() throws -> [OfficeSynonym] {
        try read { db in
            let own = try Self.synonyms(in: "office_synonym", source: .office, db)
            let terms = Set(own.map(\.term))
            let central = try Self.synonyms(in: "central_synonym", source: .central, db).filter { !terms.contains($0.term) }
            return (own + central).sorted { $0.term < $1.term }
        }
    }

    /// Removes one of the office's own synonyms (the term as search reads it). A clinic cannot
    /// remove the central office's; its own entry for the term overrides one instead.
    @discardableResult
    public func removeSynonym(term: String) throws -> OfficeSynonym {
        let key = SynonymTable.words(term).joined(separator: " ")
        return try write { db in
            guard let removed = try Self.synonyms(in: "office_synonym", source: .office, db, term: key).first else {
                if try Self.synonyms(in: "central_synonym", source: .central, db, term: key).first != nil {
                    throw StoreError.notAllowed(entity: "synonym", id: key, reason:
                        "it comes from the central office; remove it there, or add this office's own entry for the term to override it")
                }
                throw StoreError.notFound(entity: "synonym", id: key)
            }
            try db.execute(sql: "DELETE FROM office_synonym WHERE term = ?", arguments: [key])
            return removed
        }
    }

    /// The shipped list with the central office's synonyms over it and the office's own over
    /// both, remembered until any of them change.
    func synonymTable(_ db: Database) throws -> SynonymTable {
        var key = ""
        for table in ["office_synonym", "central_synonym"] {
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT count(*), total(added_at), total(length(words)) + total(length(term)) FROM \(table)
                """))
            key += "\(row?[0] as Int? ?? 0)|\(row?[1] as Double? ?? 0)|\(row?[2] as Double? ?? 0)|"
        }
        return try searchCache.synonyms(key: key) {
            var merged = SynonymTable.bundled()
            for table in ["central_synonym", "office_synonym"] {
                var layer = SynonymTable()
                for synonym in try Self.synonyms(in: table, source: .office, db) {
                    layer.add(term: synonym.term, alternatives: synonym.alternatives)
                }
                merged = merged.merging(layer)
            }
            return merged
        }
    }

    /// The synonyms of `table` (`office_synonym` or `central_synonym`), one `term` or all, by term.
    static func synonyms(in table: String, source: OfficeSynonym.Source, _ db: Database, term: String? = nil) throws -> [OfficeSynonym] {
        let filter = term == nil ? "" : " WHERE term = ?"
        return try Row.fetchAll(db, sql: "SELECT term, words, added_at FROM \(table)\(filter) ORDER BY term",
                                arguments: StatementArguments(term.map { [$0] } ?? [])).map {
            OfficeSynonym(term: $0["term"], alternatives: ($0["words"] as String).split(separator: "|").map(String.init),
                          addedAt: $0["added_at"], source: source)
        }
    }

    private static func checkedSynonym(term: String, alternatives: [String], at now: Int64, _ db: Database) throws -> OfficeSynonym {
        let synonym = try SynonymTable.checked(term: term, alternatives: alternatives, at: now)
        for words in synonym.alternatives {
            let expression = words.split(separator: " ").map { "\"\($0)\"" }.joined(separator: " ")
            let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM code_search WHERE code_search MATCH ? LIMIT 1)",
                                         arguments: [expression]) ?? 0
            guard found > 0 else {
                throw StoreError.invalid(entity: "synonym", field: "words", reason: "no code in this store's releases has the words '\(words)'")
            }
        }
        return synonym
    }

    private static func reason(_ error: StoreError) -> String {
        if case .invalid(_, let field, let reason) = error { return "\(field) \(reason)" }
        return error.description
    }
}
