import Foundation

/// What coders type mapped to the words of the code sets: `htn` → `essential hypertension`,
/// `pink eye` → `conjunctivitis`, `flu shot` → `influenza vaccine` or `immunization`.
///
/// A term is one or more whole words; its replacement is one or more alternatives, each a list
/// of words that all occur in the description of the codes meant. A query's words are read left
/// to right, the longest term first, and each term found is replaced by its words. Terms match
/// singular and plural alike (``folded(_:)``: `ear infections` reads as `ear infection`). Pure values:
/// the shipped list (``bundled()``) and the office's own entries merge into one table.
public struct SynonymTable: Sendable, Equatable {
    /// The replacement alternatives of each term, keyed by the term's words, each ``folded(_:)``.
    public private(set) var entries: [[String]: [[String]]] = [:]
    /// The longest term, in words.
    private var longest = 0

    /// An empty table.
    public init() {}

    /// A table of `(term, alternatives)` pairs; a later pair for the same term replaces an earlier one.
    public init(_ pairs: [(term: String, alternatives: [String])]) {
        for pair in pairs { add(term: pair.term, alternatives: pair.alternatives) }
    }

    /// Adds or replaces a term (its words as ``words(_:)`` reads them); empty terms and alternatives are ignored.
    public mutating func add(term: String, alternatives: [String]) {
        let key = Self.words(term).map(Self.folded)
        let replacements = alternatives.map(Self.words).filter { !$0.isEmpty }
        guard !key.isEmpty, !replacements.isEmpty else { return }
        entries[key] = replacements
        longest = max(longest, key.count)
    }

    /// The entries of `other` added over these (the office's own words win over the shipped ones).
    public func merging(_ other: SynonymTable) -> SynonymTable {
        var merged = self
        for (key, value) in other.entries {
            merged.entries[key] = value
            merged.longest = max(merged.longest, key.count)
        }
        return merged
    }

    /// How many terms the table holds.
    public var count: Int { entries.count }

    /// A query with its terms replaced.
    public struct Rewrite: Equatable, Sendable {
        /// Each alternative reading of the query, as words (at most ``SynonymTable/maxAlternatives``).
        public var alternatives: [[String]]
        /// The positions of the query's words that a term covered.
        public var covered: Set<Int>
        /// Whether the query's last word was part of a term (its replacement then ends the query).
        public var coversLastWord: Bool
    }

    /// At most this many readings of one query are searched.
    public static let maxAlternatives = 4

    /// The readings of `words` with every term replaced, longest term first; `nil` when no term occurs.
    public func rewrite(_ words: [String]) -> Rewrite? {
        var readings: [[String]] = [[]]
        var covered = Set<Int>()
        var index = 0
        let keys = words.map(Self.folded)
        while index < words.count {
            var matched = false
            for length in stride(from: min(longest, words.count - index), through: 1, by: -1) {
                guard let alternatives = entries[Array(keys[index..<(index + length)])] else { continue }
                readings = Array(readings.flatMap { reading in alternatives.map { reading + $0 } }.prefix(Self.maxAlternatives))
                covered.formUnion(index..<(index + length))
                index += length
                matched = true
                break
            }
            if !matched {
                readings = readings.map { $0 + [words[index]] }
                index += 1
            }
        }
        guard !covered.isEmpty else { return nil }
        return Rewrite(alternatives: readings, covered: covered, coversLastWord: covered.contains(words.count - 1))
    }

    /// A word with a plural ending taken off (`infections` → `infection`, `allergies` → `allergy`),
    /// else the word: words of four letters or more ending in `s` but not `ss`, `us` or `is`
    /// (`abscess`, `herpes`... fold the same way on both sides, so a term still finds itself).
    public static func folded(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.count > 3, bytes.last == UInt8(ascii: "s") else { return word }
        let before = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") else { return word }
        if bytes.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        return String(word.dropLast())
    }

    /// The words of a text as search (and FTS5's unicode61 tokenizer) reads them: lower-case runs
    /// of letters and digits (`Bell's palsy` → `bell`, `s`, `palsy`).
    public static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Parses the synonym file layout: `term<TAB>words[|other words]` per line, `#` comments and
    /// blank lines skipped. A line without a tab, or with an empty side, is refused with its number.
    public static func parse(_ text: String) throws -> [(term: String, alternatives: [String])] {
        var pairs: [(term: String, alternatives: [String])] = []
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let sides = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard sides.count == 2 else {
                throw SynonymFileError(line: offset + 1, reason: "expected a term, a tab, then its words")
            }
            let alternatives = sides[1].split(separator: "|").map(String.init).filter { !words($0).isEmpty }
            guard !words(String(sides[0])).isEmpty, !alternatives.isEmpty else {
                throw SynonymFileError(line: offset + 1, reason: "the term and its words need letters or digits")
            }
            pairs.append((String(sides[0]), alternatives))
        }
        return pairs
    }

    /// The list shipped with ClinicSync (`search_synonyms.tsv`), read once.
    public static func bundled() -> SynonymTable { shipped }

    private static let shipped: SynonymTable = {
        guard let url = Bundle.module.url(forResource: "search_synonyms", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let pairs = try? parse(text) else { return SynonymTable() }
        return SynonymTable(pairs)
    }()
}

/// A line of a synonym file that does not read as `term<TAB>words`.
public struct SynonymFileError: Error, Equatable, CustomStringConvertible {
    /// The line's number, from 1.
    public var line: Int
    /// What is wrong with it.
    public var reason: String
    /// One line: `line 3: expected a term, a tab, then its words`.
    public var description: String { "line \(line): \(reason)" }
}

extension SynonymTable {
    /// A synonym as search reads it (its term and each alternative as lower-case words joined
    /// by spaces), or a `StoreError.invalid` when the term or an alternative has no letter or digit.
    public static func checked(term: String, alternatives: [String], at addedAt: Int64) throws -> OfficeSynonym {
        let key = words(term)
        guard !key.isEmpty else { throw StoreError.invalid(entity: "synonym", field: "term", reason: "needs a letter or digit") }
        let readings = alternatives.map(words)
        guard !readings.isEmpty, readings.allSatisfy({ !$0.isEmpty }) else {
            throw StoreError.invalid(entity: "synonym", field: "words", reason: "each alternative needs a letter or digit")
        }
        return OfficeSynonym(term: key.joined(separator: " "), alternatives: readings.map { $0.joined(separator: " ") }, addedAt: addedAt)
    }
}

extension SynonymTable {
    /// The synonyms of a file in the shipped list's layout, each with its line number; a
    /// `StoreError.importFailed` naming the file (and the line) when it cannot be read or a line
    /// is bad, or when it holds none.
    public static func readFile(_ path: String) throws -> [(line: Int, term: String, alternatives: [String])] {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.importFailed(file: name, line: nil, reason: "cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.importFailed(file: name, line: nil, reason: "not UTF-8 text")
        }
        var synonyms: [(line: Int, term: String, alternatives: [String])] = []
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            do {
                synonyms += try parse(String(line)).map { (offset + 1, $0.term, $0.alternatives) }
            } catch let error as SynonymFileError {
                throw StoreError.importFailed(file: name, line: offset + 1, reason: error.reason)
            }
        }
        guard !synonyms.isEmpty else { throw StoreError.importFailed(file: name, line: nil, reason: "no synonyms in the file") }
        return synonyms
    }

    /// The synonyms of a file, as ``readFile(_:)`` reads them, without line numbers.
    public static func parseFile(_ path: String) throws -> [(term: String, alternatives: [String])] {
        try readFile(path).map { (term: $0.term, alternatives: $0.alternatives) }
    }
}
