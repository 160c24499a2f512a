/// The rules that order a word search's matches beyond text relevance (FTS5's bm25), as pure
/// functions over values: a lower adjustment ranks a code higher.
///
/// - A header (not billable) ranks ``headerPenalty`` below an equally relevant billable code.
/// - A description that is a condition's default reading ("unspecified", "without ...",
///   "uncomplicated") ranks ``defaultBonus`` higher, one that adds a complication ("with ...")
///   ``withPenalty`` lower, unless the query says so itself.
/// - A description that is both ("unspecified" and "without ...") ranks ``bothDefaultsBonus`` higher still.
/// - A description narrowing the condition in a way the query did not ask for (``qualifierWords``:
///   intractable, recurrent, a severity, a side, "other") ranks ``qualifierPenalty`` lower per
///   word, unless a "not" just before negates it ("not intractable", "not specified as
///   recurrent": the default reading).
/// - A description naming a context the query did not ask for (a history, a screening, a
///   sequela or subsequent encounter, pregnancy, a newborn ...) ranks ``contextPenalty`` lower
///   per context word.
/// - A description that names the query's first word first (after "Unspecified" or "Other":
///   "Pneumonia, unspecified organism" for `pneumonia`, not "Viral pneumonia") ranks
///   ``leadBonus`` higher: the condition itself, not a kind of it.
/// - A billable three-character code (a category with no subdivisions: I10, J00) counts as its
///   condition's default code.
/// - Shorter (more general) codes rank higher: ``codeLengthWeight`` per character.
public enum SearchRankRules {
    /// Added to a header's score: billable leaves come first among equally good matches.
    public static let headerPenalty = 5.0
    /// Taken from the score of a condition's default code ("unspecified", "without", "uncomplicated").
    public static let defaultBonus = 2.0
    /// Taken as well when a description is both unspecified and "without ..." / "uncomplicated".
    public static let bothDefaultsBonus = 1.0
    /// Added per ``qualifierWords`` word of the description the query did not use (and no "not" negates).
    public static let qualifierPenalty = 1.5
    /// Words that narrow a condition to a kind a coder picks only when told: a qualifier the query
    /// did not type makes a code less likely than its default reading.
    public static let qualifierWords = ["intractable", "recurrent", "mild", "moderate", "severe", "other", "bilateral", "right", "left"]
    /// How many words before a qualifier a "not" negates it ("not specified as recurrent").
    static let negationReach = 3
    /// Added when a description adds "with ..." and the query did not.
    public static let withPenalty = 1.0
    /// Added per context word of the description the query did not use.
    public static let contextPenalty = 3.0
    /// Added per character of the code.
    public static let codeLengthWeight = 0.5
    /// Taken from the score of a description that starts with the query's first word.
    public static let leadBonus = 1.5
    /// Words a description's lead may start with before its main term.
    static let leadFillers: [[UInt8]] = [Array("unspecified".utf8), Array("other".utf8)]

    /// Whether `description` (its words, lower case) starts with the query's first word, whole,
    /// after leading "unspecified" or "other" (a word typed in part leads nothing).
    public static func leads(description: [String], queryFirst: String) -> Bool {
        description.first(where: { $0 != "unspecified" && $0 != "other" }) == queryFirst
    }

    /// The words the rules look for, each a bit of a ``Markers`` set.
    public static let markerWords = [
        "unspecified", "without", "uncomplicated", "with",
        "history", "family", "personal", "screening", "sequela", "subsequent", "secondary", "neonatal",
        "newborn", "pregnancy", "childbirth", "puerperium", "postpartum", "complicating", "gestational",
        "perinatal", "maternal", "fetus", "fetal", "delivery",
    ] + qualifierWords
    /// ``markerWords`` as bytes, for scoring rows where SQLite holds them.
    static let markerBytes: [[UInt8]] = markerWords.map { Array($0.utf8) }

    /// A set of ``markerWords`` found in a text (bit `i` is `markerWords[i]`).
    public struct Markers: OptionSet, Sendable, Hashable {
        /// The bits.
        public var rawValue: UInt64
        /// A set from its bits.
        public init(rawValue: UInt64) { self.rawValue = rawValue }

        /// "unspecified".
        public static let unspecified = Markers(rawValue: 1 << 0)
        /// "without".
        public static let without = Markers(rawValue: 1 << 1)
        /// "uncomplicated".
        public static let uncomplicated = Markers(rawValue: 1 << 2)
        /// "with".
        public static let with = Markers(rawValue: 1 << 3)
        /// The context words: the markers after "with", before the qualifiers.
        public static let context = Markers(rawValue: (UInt64(1) << UInt64(firstQualifier) - 1) & ~UInt64(0xF))
        /// The ``SearchRankRules/qualifierWords``.
        public static let qualifiers = Markers(rawValue: ~UInt64(0) << UInt64(firstQualifier))
        /// The bit of the first qualifier word.
        static let firstQualifier = SearchRankRules.markerWords.count - SearchRankRules.qualifierWords.count

        /// The markers among `words` (lower case); a qualifier with "not" at most
        /// ``SearchRankRules/negationReach`` words before it is not one.
        public init(words: some Sequence<String>) {
            var bits: UInt64 = 0
            var lastNot = Int.min / 2
            for (position, word) in words.enumerated() {
                if word == "not" { lastNot = position }
                guard let index = SearchRankRules.markerWords.firstIndex(of: word) else { continue }
                if index >= Self.firstQualifier && position - lastNot <= SearchRankRules.negationReach { continue }
                bits |= 1 << UInt64(index)
            }
            rawValue = bits
        }
    }

    /// The adjustment for a description with `description` markers, searched with `query` markers.
    public static func adjustment(description: Markers, query: Markers) -> Double {
        var value = 0.0
        let unspecified = description.contains(.unspecified) && !query.contains(.unspecified)
        let without = !description.isDisjoint(with: [.without, .uncomplicated]) && !query.contains(.without)
        if unspecified || without { value -= defaultBonus }
        if unspecified && without { value -= bothDefaultsBonus }
        value += qualifierPenalty * Double(description.intersection(.qualifiers).subtracting(query).rawValue.nonzeroBitCount)
        if description.contains(.with) && !query.contains(.with) { value += withPenalty }
        let unasked = description.intersection(.context).subtracting(query)
        value += contextPenalty * Double(unasked.rawValue.nonzeroBitCount)
        return value
    }

    /// Everything the rules add to a match's text relevance: header, description markers, lead and code length.
    public static func adjustment(code: String, billable: Bool, description: Markers, query: Markers, leads: Bool = false) -> Double {
        let length = code.utf8.count
        let markers = billable && length == 3 ? description.union(.uncomplicated) : description
        return (billable ? 0 : headerPenalty) + adjustment(description: markers, query: query)
            + codeLengthWeight * Double(length) - (leads ? leadBonus : 0)
    }

    /// A code's standing before any query (lower is likelier): the adjustment for an empty query,
    /// plus a little per word of the description (shorter is more general). Imports write a
    /// release's codes from the least likely to the likeliest, so that a broad query, which ranks
    /// only the ``LocalStore/broadQueryCandidates`` newest rows of its matches, ranks the likeliest.
    public static func standing(code: String, description: String, billable: Bool) -> Double {
        let words = SynonymTable.words(description)
        return adjustment(code: code, billable: billable, description: Markers(words: words), query: [])
            + 0.05 * Double(words.count)
    }

    /// A ranked list with each header moved after the last billable code under it that the list
    /// shows (`I13.1` after `I13.11`), the rest in order: a coder reaches a code they can bill first.
    public static func headersAfterTheirCodes<Item>(_ items: [Item], code: (Item) -> String, billable: (Item) -> Bool) -> [Item] {
        var result = items
        var index = 0
        var moves = 0
        while index < result.count && moves < items.count {
            let item = result[index]
            let header = code(item)
            if !billable(item), let last = result.indices.last(where: { $0 > index && billable(result[$0]) && code(result[$0]).hasPrefix(header) }) {
                result.remove(at: index)
                result.insert(item, at: last)
                moves += 1
                continue
            }
            index += 1
        }
        return result
    }
}
