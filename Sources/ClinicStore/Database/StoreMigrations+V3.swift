/// Migration v3, local only (no synced table changes, so the wire's schema version stays), for
/// recovery from a clock that ran ahead (issue 27):
/// - `clock_restamp`, the audit of re-stamped changes: one row per change, keyed by its log
///   sequence: the stamp it was made with (kept from the first re-stamp), when it was re-stamped
///   and from which central clock. `claim history` shows it beside the change.
/// - `sync_state.received_hlc`, the greatest stamp of any change a clinic received from the
///   central node, applied or merged away (a clinic logs only what it applies): a re-stamped
///   change must stay after every change it was compared with. Existing stores start from the
///   greatest received stamp their log holds.
enum V3 {
    static let statements = [
        """
        CREATE TABLE clock_restamp (
          seq INTEGER PRIMARY KEY,           -- change_log.seq of the re-stamped change (its site sequence)
          original_hlc INTEGER NOT NULL,     -- the stamp it was made with
          restamped_at INTEGER NOT NULL,     -- this machine's clock when it was re-stamped (ms)
          central_clock INTEGER NOT NULL     -- the central node's clock it was re-stamped from (ms)
        )
        """,
        "ALTER TABLE sync_state ADD COLUMN received_hlc INTEGER NOT NULL DEFAULT 0",
        """
        UPDATE sync_state SET received_hlc = coalesce(
          (SELECT max(hlc) FROM change_log WHERE site <> (SELECT site_id FROM store_info)), 0)
        """,
    ]
}
