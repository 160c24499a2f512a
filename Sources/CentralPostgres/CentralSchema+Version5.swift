extension CentralSchema {
    /// Version 5, frozen (issue 26): the search synonyms the central office publishes to its
    /// clinics (`clinicsync codes synonyms add|import|remove --postgres URL`), as the SQLite
    /// central store keeps them in `office_synonym`. (Version 4 is issue 28's; on a branch
    /// without it this is the fourth entry of ``CentralSchema/migrations``.)
    static let version5: [String] = [
        """
        CREATE TABLE office_synonym (
          term text PRIMARY KEY,
          words text NOT NULL,
          added_at bigint NOT NULL
        )
        """,
    ]
}
