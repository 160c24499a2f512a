import GRDB

extension LocalStore {
    /// Central node: the synonyms it publishes to its clinics (`GET /v1/codebooks/synonyms`),
    /// its own `codes synonyms` entries, by term.
    public func publishedSynonyms() throws -> [OfficeSynonym] {
        try read { db in try Self.synonyms(in: "office_synonym", source: .office, db) }
    }

    /// Clinic: makes the central office's synonyms the set `published` (what a sync received),
    /// replacing the set before it in one transaction, so a synonym removed centrally is removed
    /// here. Entries that do not read as words are left out. Returns how many terms were added,
    /// changed or removed; a set equal to the one held writes nothing and returns 0.
    @discardableResult
    public func receiveCentralSynonyms(_ published: [OfficeSynonym]) throws -> Int {
        var incoming: [String: OfficeSynonym] = [:]
        for synonym in published {
            guard var checked = try? SynonymTable.checked(term: synonym.term, alternatives: synonym.alternatives,
                                                          at: synonym.addedAt) else { continue }
            checked.source = .central
            incoming[checked.term] = checked
        }
        let wanted = incoming
        return try write { db in
            let held = Dictionary(try Self.synonyms(in: "central_synonym", source: .central, db).map { ($0.term, $0) },
                                  uniquingKeysWith: { first, _ in first })
            let removed = held.keys.filter { wanted[$0] == nil }
            let upserted = wanted.values.filter { held[$0.term] != $0 }
            for term in removed {
                try db.execute(sql: "DELETE FROM central_synonym WHERE term = ?", arguments: [term])
            }
            for synonym in upserted {
                try db.execute(sql: "INSERT OR REPLACE INTO central_synonym (term, words, added_at) VALUES (?, ?, ?)",
                               arguments: [synonym.term, synonym.alternatives.joined(separator: "|"), synonym.addedAt])
            }
            return removed.count + upserted.count
        }
    }
}
