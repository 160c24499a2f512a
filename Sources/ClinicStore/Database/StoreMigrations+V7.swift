/// Migration v7, frozen: what a store needs to tell a restored or copied store, or a restored
/// central node, from a normal one (issue 28). Local tables and columns, never synced: the
/// wire's schema version does not move.
///
/// - `sync_state.acked_seq`: the highest own sequence the central node answered (applied or
///   refused); set from the log and the refusals already recorded.
/// - `sync_state.restored_at`: set by `clinicsync restore`; the next sync checks the site first.
/// - `sync_state.recovery`, `recovery_at`: the last recovery, in one line, for `status`.
/// - `sync_state.mark_seq`, `mark`: the central node's fingerprint of its log entry at the
///   clinic's cursor after its last sync, compared at the next one.
/// - `site_answer`: at the central node, each site's highest answered sequence (accepted or
///   refused) and the fingerprint of that change, beside `site_progress`, which a refusal never
///   moves (DESIGN §4). Carried over from `site_progress` with no fingerprint.
/// - `retired_site`: the sites a clinic store left for a new one, with the last sequence of each
///   that was its own and answered: pushed again should a restored central node lack them.
enum V7 {
    static let statements = [
        "ALTER TABLE sync_state ADD COLUMN acked_seq INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE sync_state ADD COLUMN restored_at INTEGER",
        "ALTER TABLE sync_state ADD COLUMN recovery TEXT",
        "ALTER TABLE sync_state ADD COLUMN recovery_at INTEGER",
        "ALTER TABLE sync_state ADD COLUMN mark_seq INTEGER",
        "ALTER TABLE sync_state ADD COLUMN mark TEXT",
        """
        CREATE TABLE site_answer (
          site TEXT PRIMARY KEY NOT NULL,
          answered_seq INTEGER NOT NULL,
          digest TEXT
        ) WITHOUT ROWID
        """,
        """
        INSERT INTO site_answer (site, answered_seq, digest)
        SELECT site, max_seq, NULL FROM site_progress WHERE (SELECT role FROM store_info) = 'central'
        """,
        """
        CREATE TABLE retired_site (
          site TEXT PRIMARY KEY NOT NULL,
          kept_through INTEGER NOT NULL,
          retired_at INTEGER NOT NULL,
          reason TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        """
        UPDATE sync_state SET acked_seq = max(
          coalesce((SELECT max(seq) FROM change_log
                    WHERE server_seq IS NOT NULL AND site_seq IS NULL AND site = (SELECT site_id FROM store_info)), 0),
          coalesce((SELECT max(seq) FROM push_refusal), 0))
        """,
    ]
}
