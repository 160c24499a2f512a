/// One of the office's own search words: what its coders type and the words of the code sets it
/// stands for (`clinicsync codes synonyms add`).
public struct OfficeSynonym: Codable, Sendable, Equatable {
    /// What coders type, as search reads it (lower-case words joined by spaces).
    public var term: String
    /// The alternatives it stands for, each words of the code sets.
    public var alternatives: [String]
    /// When it was added or last replaced, in milliseconds since 1970 (store clock).
    public var addedAt: Int64

    enum CodingKeys: String, CodingKey {
        case term, alternatives, addedAt = "added_at"
    }
}
