/// Migration v2, frozen: `change_log.seq` becomes a plain `INTEGER PRIMARY KEY`.
///
/// With `AUTOINCREMENT`, SQLite reads and rewrites the log's row of `sqlite_sequence` in every
/// statement that logs a change: at a sync's apply, that is every change, twice over (node,
/// then clinic). Log rows are never deleted, so the rowid numbers them exactly as before,
/// each after the highest. Existing logs are copied as they are, sequences included; the
/// capture triggers, which name the table, are dropped first and created again as in v1.
enum V2 {
    static var statements: [String] {
        let triggers = V1.syncedColumns.flatMap { table, columns in
            V1.triggers(table: table, columns: columns).filter { $0.contains("INSERT INTO change_log") }
        }
        let names = triggers.map { trigger in
            // "CREATE TRIGGER name AFTER ..."
            String(trigger.split(separator: " ", maxSplits: 3)[2])
        }
        return names.map { "DROP TRIGGER \($0)" } + [
            "DROP INDEX change_log_row",
            "DROP INDEX change_log_origin",
            "ALTER TABLE change_log RENAME TO change_log_v1",
            changeLog,
            "INSERT INTO change_log SELECT * FROM change_log_v1",
            "DROP TABLE change_log_v1",
            "CREATE INDEX change_log_row ON change_log(row_id, field)",
            "CREATE INDEX change_log_origin ON change_log(site, site_seq) WHERE site_seq IS NOT NULL",
        ] + triggers
    }

    /// `change_log` as in v1, with `seq INTEGER PRIMARY KEY` (no `AUTOINCREMENT`).
    static let changeLog = """
        CREATE TABLE change_log (
          seq INTEGER PRIMARY KEY,
          tbl TEXT NOT NULL,
          row_id TEXT NOT NULL,
          owner TEXT NOT NULL,
          field TEXT NOT NULL,
          value,
          hlc INTEGER NOT NULL,
          site TEXT NOT NULL,
          site_seq INTEGER,
          prev_hlc INTEGER,
          prev_site TEXT,
          prev_seq INTEGER,
          observed INTEGER NOT NULL DEFAULT 0,
          server_seq INTEGER,
          author TEXT,
          reassertion INTEGER NOT NULL DEFAULT 0, -- the submitted lifecycle rank a re-assertion restores; 0: none
          applied INTEGER NOT NULL DEFAULT 1,     -- 0: received and merged away (lost or parked), kept for order and audit
          recorded_at INTEGER NOT NULL
        )
        """
}
