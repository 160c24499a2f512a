/// Migration v6, frozen: search a coder can trust (issue 26). Local only, never synced: the
/// wire's schema version does not move.
///
/// - `office_synonym`: the office's own search words (`clinicsync codes synonyms add`), read
///   over the shipped list.
/// - `code.position`: an entry's place in its release file. Imports now write a release's codes
///   from the least likely to the likeliest (``SearchRankRules/standing(code:description:billable:)``),
///   so the row order is no longer the file's; publishing a release reads this column instead.
/// - `code_search_vocab`: the search index's words with the rows holding each (FTS5's
///   `fts5vocab`), where a misspelled word finds the word it was meant to be.
enum V6 {
    static let statements = [
        """
        CREATE TABLE office_synonym (
          term TEXT PRIMARY KEY NOT NULL,
          words TEXT NOT NULL,
          added_at INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
        "ALTER TABLE code ADD COLUMN position INTEGER",
        "CREATE VIRTUAL TABLE code_search_vocab USING fts5vocab(code_search, row)",
    ]
}
