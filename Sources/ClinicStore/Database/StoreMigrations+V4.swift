/// Migration v4, frozen: the central node's record of each clinic site's sync requests
/// (`clinicsync admin clinics`). Local tables, never synced: a clinic store gets them empty,
/// and the wire's schema version does not move.
///
/// `sync_activity` keeps the last requests of each site (the store trims it as it records);
/// `refusal_count` adds up the changes refused from each clinic, by reason.
enum V4 {
    static let statements = [
        """
        CREATE TABLE sync_activity (
          id INTEGER PRIMARY KEY,
          clinic_id TEXT NOT NULL,
          site TEXT NOT NULL,
          kind TEXT NOT NULL,
          at INTEGER NOT NULL,
          duration_ms INTEGER NOT NULL,
          changes INTEGER NOT NULL,
          refused INTEGER NOT NULL,
          result TEXT NOT NULL
        )
        """,
        "CREATE INDEX sync_activity_site ON sync_activity(clinic_id, site, id)",
        """
        CREATE TABLE refusal_count (
          clinic_id TEXT NOT NULL,
          reason TEXT NOT NULL,
          count INTEGER NOT NULL,
          PRIMARY KEY (clinic_id, reason)
        ) WITHOUT ROWID
        """,
    ]
}
