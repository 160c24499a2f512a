/// Migration v5, frozen: each clinic site's owner (DESIGN §4 "A hostile clinic"). A central
/// node binds a site id to the clinic whose token first pushes from it and refuses every other
/// clinic's push from it. Local to the central node, never synced: a clinic store gets it empty,
/// and the wire's schema version does not move.
///
/// Sites already in the log are bound to the one clinic whose rows they wrote (a site whose log
/// names several clinics, or none, is left to be bound by its next push), so existing stores keep
/// working.
enum V5 {
    static let statements = [
        """
        CREATE TABLE site_owner (
          site TEXT PRIMARY KEY NOT NULL,
          clinic_id TEXT NOT NULL,
          bound_at INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
        """
        INSERT INTO site_owner (site, clinic_id, bound_at)
        SELECT c.site, min(c.owner), 0 FROM change_log AS c
        WHERE c.owner <> 'central' AND c.site <> (SELECT site_id FROM capture_state)
        GROUP BY c.site HAVING count(DISTINCT c.owner) = 1
        """,
    ]
}
