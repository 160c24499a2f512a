import ArgumentParser
import ClinicStore
import Foundation

/// `clinicsync codes synonyms add|list|import`: the office's own search words, over the shipped list.
struct CodesSynonyms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synonyms", abstract: "The office's own search words (local to this store).",
        subcommands: [Add.self, List.self, Import.self])

    /// `clinicsync codes synonyms add TERM WORDS...`: each WORDS is one alternative.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make TERM search for the words of the code sets (each WORDS an alternative; replaces TERM's own entry).")

        @OptionGroup var options: StoreOptions
        @Argument(help: "What your coders type, e.g. 'sugar check'.") var term: String
        @Argument(help: "Words of the code sets it stands for, e.g. 'hemoglobin a1c'; more than one: alternatives.")
        var words: [String]

        func run() throws {
            let added = try options.open().addSynonym(term: term, alternatives: words)
            try options.emit(added) {
                "'\(added.term)' now also searches \(added.alternatives.map { "'\($0)'" }.joined(separator: " or "))."
            }
        }
    }

    /// `clinicsync codes synonyms list`: the office's own entries.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the office's own search words.")

        @OptionGroup var options: StoreOptions

        func run() throws {
            let synonyms = try options.open().officeSynonyms()
            try options.emit(synonyms) {
                Table(headers: ["TERM", "SEARCHES"], rows: synonyms.map { [$0.term, $0.alternatives.joined(separator: " | ")] })
                    .render(empty: "No office synonyms yet: `clinicsync codes synonyms add TERM WORDS`. \(SynonymTable.bundled().count) ship with ClinicSync.")
            }
        }
    }

    /// `clinicsync codes synonyms import FILE`: `term<TAB>words[|other words]` lines, all or none.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the synonyms of a file (term<TAB>words[|other words] per line, # comments): all or none.")

        @OptionGroup var options: StoreOptions
        @Argument(help: "The file.") var file: String

        func run() throws {
            let added = try options.open().importSynonyms(file: file)
            try options.emit(added) { "Imported \(added.count) office synonym(s)." }
        }
    }
}

/// `clinicsync codes favorites`: the codes this clinic used on its claims in the last year, which rank higher in search.
struct CodesFavorites: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "favorites", abstract: "The codes this clinic used on claims in the last year (they rank higher in search).")

    @OptionGroup var options: StoreOptions
    @Option(help: "How many.") var limit = 50

    func run() throws {
        let favorites = try options.open().favoriteCodes(limit: limit)
        try options.emit(favorites) {
            Table(headers: ["CODE", "KIND", "USES", "BOOST"],
                  rows: favorites.map { [$0.display, $0.kind.rawValue, String($0.uses), String(format: "%.1f", $0.boost)] })
                .render(empty: "No codes on this clinic's claims in the last \(FavoriteCode.windowDays) days.")
        }
    }
}
