/// Migration v8, frozen: the central office's search words at a clinic (issue 26). Local
/// reference data, never pushed: the wire's schema version does not move.
///
/// - `central_synonym`: the synonyms the central office publishes (its own `office_synonym`
///   rows), as the last sync received them; each sync replaces the whole set, so a removal at
///   the central office reaches the clinic. Search reads them over the shipped list and under
///   the clinic's own `office_synonym` entries, which win where both have a term.
enum V8 {
    static let statements = [
        """
        CREATE TABLE central_synonym (
          term TEXT PRIMARY KEY NOT NULL,
          words TEXT NOT NULL,
          added_at INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
    ]
}
