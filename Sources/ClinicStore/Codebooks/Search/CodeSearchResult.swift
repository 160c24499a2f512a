/// What a search found, and how it read the query.
public struct CodeSearchResult: Codable, Sendable, Equatable {
    /// The codes, best first.
    public var matches: [CodeMatch]
    /// The query as corrected when a word of it matched nothing in the index (`diabetis` →
    /// `diabetes`): the matches are the corrected query's. `nil` when nothing was corrected.
    public var didYouMean: String?
    /// The readings of the query's everyday words that were searched first (`uti` →
    /// `urinary tract infection`), as words; empty when no synonym applied.
    public var readAs: [String]

    /// A result of `matches` read as typed.
    public init(matches: [CodeMatch], didYouMean: String? = nil, readAs: [String] = []) {
        self.matches = matches
        self.didYouMean = didYouMean
        self.readAs = readAs
    }

    enum CodingKeys: String, CodingKey {
        case matches, didYouMean = "did_you_mean", readAs = "read_as"
    }
}
