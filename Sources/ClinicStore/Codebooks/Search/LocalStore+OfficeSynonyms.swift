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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.importFailed(file: name, line: nil, reason: "cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.importFailed(file: name, line: nil, reason: "not UTF-8 text")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var pairs: [(term: String, alternatives: [String])] = [], numbers: [Int] = []
        for (offset, line) in lines.enumerated() {
            do {
                let parsed = try SynonymTable.parse(String(line))
                pairs += parsed
                numbers += parsed.map { _ in offset + 1 }
            } catch let error as SynonymFileError {
                throw StoreError.importFailed(file: name, line: offset + 1, reason: error.reason)
            }
        }
        guard !pairs.isEmpty else { throw StoreError.importFailed(file: name, line: nil, reason: "no synonyms in the file") }
        // Check each line alone first, so a refusal names its line.
        let checked = pairs, lineNumbers = numbers
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

    /// The office's own synonyms, by term.
    public func officeSynonyms() throws -> [OfficeSynonym] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT term, words, added_at FROM office_synonym ORDER BY term").map {
                OfficeSynonym(term: $0["term"], alternatives: ($0["words"] as String).split(separator: "|").map(String.init),
                              addedAt: $0["added_at"])
            }
        }
    }

    /// The shipped synonym list with the office's own entries over it, remembered until those change.
    func synonymTable(_ db: Database) throws -> SynonymTable {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT count(*), max(added_at), total(length(words)) FROM office_synonym"))
        let key = "\(row?[0] as Int? ?? 0)|\(row?[1] as Int64? ?? 0)|\(row?[2] as Double? ?? 0)"
        return try searchCache.synonyms(key: key) {
            var office = SynonymTable()
            for row in try Row.fetchAll(db, sql: "SELECT term, words FROM office_synonym") {
                office.add(term: row["term"], alternatives: (row["words"] as String).split(separator: "|").map(String.init))
            }
            return SynonymTable.bundled().merging(office)
        }
    }

    private static func checkedSynonym(term: String, alternatives: [String], at now: Int64, _ db: Database) throws -> OfficeSynonym {
        let key = SynonymTable.words(term)
        guard !key.isEmpty else { throw StoreError.invalid(entity: "synonym", field: "term", reason: "needs a letter or digit") }
        let readings = alternatives.map(SynonymTable.words)
        guard !readings.isEmpty, readings.allSatisfy({ !$0.isEmpty }) else {
            throw StoreError.invalid(entity: "synonym", field: "words", reason: "each alternative needs a letter or digit")
        }
        for words in readings {
            let expression = words.map { "\"\($0)\"" }.joined(separator: " ")
            let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM code_search WHERE code_search MATCH ? LIMIT 1)",
                                         arguments: [expression]) ?? 0
            guard found > 0 else {
                throw StoreError.invalid(entity: "synonym", field: "words",
                                         reason: "no code in this store's releases has the words '\(words.joined(separator: " "))'")
            }
        }
        return OfficeSynonym(term: key.joined(separator: " "), alternatives: readings.map { $0.joined(separator: " ") }, addedAt: now)
    }

    private static func reason(_ error: StoreError) -> String {
        if case .invalid(_, let field, let reason) = error { return "\(field) \(reason)" }
        return error.description
    }
}
