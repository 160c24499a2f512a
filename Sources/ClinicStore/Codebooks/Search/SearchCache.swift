import Synchronization

/// What a store's search remembers between queries, each value with the key it was read under:
/// the synonym table (shipped list plus the office's own) and the clinic's favorite codes.
final class SearchCache: Sendable {
    private struct State {
        var synonyms: (key: String, table: SynonymTable)?
        var favorites: (key: String, boosts: [String: Double])?
        var vocabulary: (key: String, byFirst: [String: [(term: String, rows: Int)]])?
    }

    private let state = Mutex(State())

    /// The synonym table read under `key`, or a new one from `make` remembered under it.
    func synonyms(key: String, _ make: () throws -> SynonymTable) rethrows -> SynonymTable {
        if let cached = state.withLock({ $0.synonyms }), cached.key == key { return cached.table }
        let table = try make()
        state.withLock { $0.synonyms = (key, table) }
        return table
    }

    /// The index words starting with `first`, read under `key` (the store's releases), or read by `make` and remembered.
    func vocabulary(key: String, first: String, _ make: () throws -> [(term: String, rows: Int)]) rethrows -> [(term: String, rows: Int)] {
        if let cached = state.withLock({ $0.vocabulary }), cached.key == key, let words = cached.byFirst[first] { return words }
        let words = try make()
        state.withLock { state in
            if state.vocabulary?.key != key { state.vocabulary = (key, [:]) }
            state.vocabulary?.byFirst[first] = words
        }
        return words
    }

    /// The favorite boosts read under `key`, or new ones from `make` remembered under it.
    func favorites(key: String, _ make: () throws -> [String: Double]) rethrows -> [String: Double] {
        if let cached = state.withLock({ $0.favorites }), cached.key == key { return cached.boosts }
        let boosts = try make()
        state.withLock { $0.favorites = (key, boosts) }
        return boosts
    }
}
