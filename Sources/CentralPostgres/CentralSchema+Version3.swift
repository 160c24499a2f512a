extension CentralSchema {
    /// Version 3, frozen:
    /// each clinic site's owner, as in the SQLite store's v5 (DESIGN §4 "A hostile clinic"). Sites
    /// already in the log are bound to the one clinic whose rows they wrote.
    static let version3: [String] = [
        """
        CREATE TABLE site_owner (
          site text PRIMARY KEY,
          clinic_id text NOT NULL,
          bound_at bigint NOT NULL
        )
        """,
        """
        INSERT INTO site_owner (site, clinic_id, bound_at)
        SELECT c.site, min(c.owner), 0 FROM change_log AS c
        WHERE c.owner <> 'central' AND c.site IS DISTINCT FROM (SELECT site_id FROM central_state)
        GROUP BY c.site HAVING count(DISTINCT c.owner) = 1
        """,
    ]
}
