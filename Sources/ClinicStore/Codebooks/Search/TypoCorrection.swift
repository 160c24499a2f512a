/// Finds the word of the search index a misspelled word was meant to be: `diabetis` →
/// `diabetes`, `pnuemonia` → `pneumonia`. Pure functions over values.
public enum TypoCorrection {
    /// The edit distance allowed for a word of `length` letters: 1 up to 5 letters, 2 beyond;
    /// words under 4 letters are not corrected (too many words are one edit from them).
    public static func allowedDistance(forLength length: Int) -> Int {
        length < 4 ? 0 : (length <= 5 ? 1 : 2)
    }

    /// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
    /// substitutions and swaps of two neighbours, each 1), or `limit + 1` once it exceeds `limit`.
    public static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return min(previous[b.count], limit + 1)
    }

    /// The closest of `vocabulary` (index terms with the number of rows holding each) to `word`
    /// within ``allowedDistance(forLength:)``: the nearest, then the one starting with the same
    /// letter, then the commonest, then the first alphabetically. Terms with digits are skipped.
    public static func correction(for word: String, in vocabulary: [(term: String, rows: Int)]) -> String? {
        let typed = Array(word.utf8)
        let limit = allowedDistance(forLength: typed.count)
        guard limit > 0 else { return nil }
        var best: (distance: Int, otherFirst: Bool, rows: Int, term: String)?
        for (term, rows) in vocabulary where term != word && !term.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            let found = distance(typed, Array(term.utf8), limit: limit)
            guard found <= limit else { continue }
            let candidate = (found, term.utf8.first != typed.first, rows, term)
            if let current = best {
                let better = candidate.0 != current.distance ? candidate.0 < current.distance
                    : candidate.1 != current.otherFirst ? !candidate.1
                    : candidate.2 != current.rows ? candidate.2 > current.rows
                    : candidate.3 < current.term
                if !better { continue }
            }
            best = (candidate.0, candidate.1, candidate.2, candidate.3)
        }
        return best?.term
    }
}
