import ArgumentParser
import CentralPostgres
import ClinicStore
import Foundation

/// `clinicsync codes synonyms add|list|import|remove`: the office's own search words, over the
/// shipped list. At the central office (a central store, or `--postgres URL`) they are published
/// to every clinic, which receives them at `sync`; a clinic's own stay local and win.
struct CodesSynonyms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synonyms",
        abstract: "The office's own search words; the central office's reach its clinics at sync.",
        subcommands: [Add.self, List.self, Import.self, Remove.self])

    /// `clinicsync codes synonyms add TERM WORDS... [--postgres URL]`: each WORDS is one alternative.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make TERM search for the words of the code sets (each WORDS an alternative; replaces TERM's own entry).")

        @OptionGroup var options: StoreOptions
        @OptionGroup var postgres: PostgresOption
        @Argument(help: "What your coders type, e.g. 'sugar check'.") var term: String
        @Argument(help: "Words of the code sets it stands for, e.g. 'hemoglobin a1c'; more than one: alternatives.")
        var words: [String]

        func run() async throws {
            let pair = (term: term, alternatives: words)
            let added = try await postgres.withCentral { try await $0.addSynonyms([pair]).first! }
                ?? options.open().addSynonym(term: term, alternatives: words)
            try options.emit(added) {
                "'\(added.term)' now also searches \(added.alternatives.map { "'\($0)'" }.joined(separator: " or "))."
            }
        }
    }

    /// `clinicsync codes synonyms list [--postgres URL]`: the office's own entries (at a clinic,
    /// with the central office's it received).
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the office's own search words (and the central office's).")

        @OptionGroup var options: StoreOptions
        @OptionGroup var postgres: PostgresOption

        func run() async throws {
            let synonyms = try await postgres.withCentral { try await $0.publishedSynonyms() } ?? options.open().officeSynonyms()
            try options.emit(synonyms) {
                Table(headers: ["TERM", "SEARCHES", "FROM"],
                      rows: synonyms.map { [$0.term, $0.alternatives.joined(separator: " | "),
                                            $0.source == .central ? "central office" : "this office"] })
                    .render(empty: "No office synonyms yet: `clinicsync codes synonyms add TERM WORDS`. \(SynonymTable.bundled().count) ship with ClinicSync.")
            }
        }
    }

    /// `clinicsync codes synonyms import FILE [--postgres URL]`: `term<TAB>words[|other words]` lines, all or none.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the synonyms of a file (term<TAB>words[|other words] per line, # comments): all or none.")

        @OptionGroup var options: StoreOptions
        @OptionGroup var postgres: PostgresOption
        @Argument(help: "The file.") var file: String

        func run() async throws {
            let file = self.file
            let added = try await postgres.withCentral { central in
                try await central.addSynonyms(try SynonymTable.parseFile(file))
            } ?? options.open().importSynonyms(file: file)
            try options.emit(added) { "Imported \(added.count) office synonym(s)." }
        }
    }

    /// `clinicsync codes synonyms remove TERM [--postgres URL]`: one of the office's own entries.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove one of the office's own search words (at the central office: clinics drop it at their next sync).")

        @OptionGroup var options: StoreOptions
        @OptionGroup var postgres: PostgresOption
        @Argument(help: "The term, as added.") var term: String

        func run() async throws {
            let term = self.term
            let removed = try await postgres.withCentral { try await $0.removeSynonym(term: term) }
                ?? options.open().removeSynonym(term: term)
            try options.emit(removed) { "'\(removed.term)' no longer searches \(removed.alternatives.map { "'\($0)'" }.joined(separator: " or "))." }
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
