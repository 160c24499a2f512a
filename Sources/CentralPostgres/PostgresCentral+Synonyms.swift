import ClinicStore

extension PostgresCentral {
    /// The search synonyms published to clinics (`GET /v1/codebooks/synonyms`), by term.
    public func publishedSynonyms() async throws -> [OfficeSynonym] {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await connection.rows("SELECT term, words, added_at FROM office_synonym ORDER BY term", logger: logger).map { row in
                let (term, words, addedAt) = try row.decode((String, String, Int64).self)
                return OfficeSynonym(term: term, alternatives: words.split(separator: "|").map(String.init), addedAt: addedAt)
            }
        }
    }

    /// Publishes every pair, or none, replacing a term's entry when it has one. The first pair
    /// whose term or alternative has no letter or digit, or whose alternative's words are in no
    /// published release, refuses them all (a `StoreError.invalid` naming its term).
    public func addSynonyms(_ pairs: [(term: String, alternatives: [String])]) async throws -> [OfficeSynonym] {
        let now = clock.nowMillis()
        let synonyms = try pairs.map { try SynonymTable.checked(term: $0.term, alternatives: $0.alternatives, at: now) }
        let logger = self.logger
        return try await gateway.transaction { connection in
            for synonym in synonyms {
                for alternative in synonym.alternatives {
                    let words = alternative.split(separator: " ")
                    let test = words.indices.map { "file_json ILIKE $\($0 + 1)" }.joined(separator: " AND ")
                    let found = try await connection.rows("SELECT 1 FROM code_release WHERE \(test) LIMIT 1",
                                                          words.map { .text("%\($0)%") }, logger: logger)
                    guard !found.isEmpty else {
                        throw StoreError.invalid(entity: "synonym", field: "words",
                                                 reason: "no release the central office publishes has the words '\(alternative)'")
                    }
                }
                try await connection.run("""
                    INSERT INTO office_synonym (term, words, added_at) VALUES ($1, $2, $3)
                    ON CONFLICT (term) DO UPDATE SET words = excluded.words, added_at = excluded.added_at
                    """, [.text(synonym.term), .text(synonym.alternatives.joined(separator: "|")), .integer(now)], logger: logger)
            }
            return synonyms
        }
    }

    /// Stops publishing a synonym (the term as search reads it); clinics drop it at their next
    /// sync. A `StoreError.notFound` when it is not published.
    @discardableResult
    public func removeSynonym(term: String) async throws -> OfficeSynonym {
        let key = SynonymTable.words(term).joined(separator: " ")
        let logger = self.logger
        return try await gateway.transaction { connection in
            guard let row = try await connection.rows("DELETE FROM office_synonym WHERE term = $1 RETURNING words, added_at",
                                                      [.text(key)], logger: logger).first else {
                throw StoreError.notFound(entity: "synonym", id: key)
            }
            let (words, addedAt) = try row.decode((String, Int64).self)
            return OfficeSynonym(term: key, alternatives: words.split(separator: "|").map(String.init), addedAt: addedAt)
        }
    }
}
