/// One of the office's own search words: what its coders type and the words of the code sets it
/// stands for (`clinicsync codes synonyms add`). The central office's travel to its clinics
/// (`GET /v1/codebooks/synonyms`) as these values too.
public struct OfficeSynonym: Codable, Sendable, Equatable {
    /// Where a synonym was added.
    public enum Source: String, Codable, Sendable {
        /// In this store (`codes synonyms add|import`): a clinic's stay local.
        case office
        /// At the central office, received by this clinic's last sync.
        case central
    }

    /// What coders type, as search reads it (lower-case words joined by spaces).
    public var term: String
    /// The alternatives it stands for, each words of the code sets.
    public var alternatives: [String]
    /// When it was added or last replaced, in milliseconds since 1970 (the adding store's clock).
    public var addedAt: Int64
    /// Where it was added.
    public var source: Source

    /// A synonym as stored.
    public init(term: String, alternatives: [String], addedAt: Int64, source: Source = .office) {
        self.term = term
        self.alternatives = alternatives
        self.addedAt = addedAt
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case term, alternatives, addedAt = "added_at", source
    }

    /// Decodes a synonym; one without `source` was added where it came from (`office`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        term = try container.decode(String.self, forKey: .term)
        alternatives = try container.decode([String].self, forKey: .alternatives)
        addedAt = try container.decode(Int64.self, forKey: .addedAt)
        source = try container.decodeIfPresent(Source.self, forKey: .source) ?? .office
    }
}
