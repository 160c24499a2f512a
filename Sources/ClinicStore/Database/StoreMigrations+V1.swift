/// Migration v1, frozen: the tables, the change log and the capture triggers.
///
/// Column lists are spelled out here (not taken from live descriptors) so this migration
/// creates the same schema for ever; `Schemas/schema.sql` is the golden dump of every migration.
enum V1 {
    /// Synced tables and their columns (besides `id`), as shipped in v1.
    static let syncedColumns: [(table: String, columns: [String])] = [
        ("patient", ["owner", "first_name", "last_name", "dob", "sex", "member_id", "address", "city",
                     "state", "zip", "subscriber_id", "relationship", "deleted"]),
        ("provider", ["owner", "npi", "name", "taxonomy", "tax_id", "address", "city", "state", "zip",
                      "deleted"]),
        ("payer", ["owner", "payer_id", "name", "filing_indicator", "deleted"]),
        ("claim", ["owner", "claim_number", "patient_id", "payer_id", "billing_npi", "rendering_npi", "pos",
                   "diagnoses", "frequency", "payer_claim_number", "lifecycle", "total_charge_cents", "notes",
                   "original_claim_id", "deleted"]),
        ("service_line", ["owner", "claim_id", "line_number", "procedure_code", "modifiers", "units",
                          "charge_cents", "service_date", "service_date_to", "dx_pointers", "pos", "deleted"]),
        ("conflict", ["owner", "kind", "tbl", "row_id", "field", "winner_value", "winner_version",
                      "loser_value", "loser_version", "message", "status", "resolution", "deleted"]),
    ]

    static var statements: [String] { localTables + syncedTables + codebookTables + syncedColumns.flatMap(triggers) }

    static let localTables = [
        """
        CREATE TABLE store_info (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          role TEXT NOT NULL CHECK (role IN ('clinic', 'central')),
          clinic_id TEXT NOT NULL,
          clinic_name TEXT,
          site_id TEXT NOT NULL,
          created_at INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE capture_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          hlc INTEGER NOT NULL DEFAULT 0,
          site_id TEXT NOT NULL,
          observed INTEGER NOT NULL DEFAULT 0,
          author TEXT,
          now_ms INTEGER NOT NULL DEFAULT 0,
          applying INTEGER NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE sync_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          server_url TEXT,
          token TEXT,
          cursor INTEGER NOT NULL DEFAULT 0,
          pushed_seq INTEGER NOT NULL DEFAULT 0,
          last_sync_at INTEGER
        )
        """,
        """
        CREATE TABLE site_progress (
          site TEXT PRIMARY KEY NOT NULL,
          max_seq INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE setting (
          key TEXT PRIMARY KEY NOT NULL,
          value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE clinic_enrollment (
          clinic_id TEXT PRIMARY KEY NOT NULL,
          name TEXT,
          token_hash TEXT NOT NULL,
          enrolled_at INTEGER NOT NULL,
          revoked_at INTEGER
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE push_refusal (
          seq INTEGER PRIMARY KEY,
          code TEXT NOT NULL,
          message TEXT NOT NULL,
          refused_at INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE export_counter (
          name TEXT PRIMARY KEY NOT NULL,
          value INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE change_log (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
        """,
        "CREATE INDEX change_log_row ON change_log(row_id, field)",
        "CREATE INDEX change_log_origin ON change_log(site, site_seq) WHERE site_seq IS NOT NULL",
    ]

    static let syncedTables = [
        """
        CREATE TABLE patient (
          id TEXT PRIMARY KEY NOT NULL,
          owner TEXT NOT NULL,
          first_name TEXT NOT NULL,
          last_name TEXT NOT NULL,
          dob TEXT NOT NULL,
          sex TEXT NOT NULL,
          member_id TEXT NOT NULL,
          address TEXT, city TEXT, state TEXT, zip TEXT,
          subscriber_id TEXT,
          relationship TEXT,
          deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE provider (
          id TEXT PRIMARY KEY NOT NULL,
          owner TEXT NOT NULL,
          npi TEXT NOT NULL,
          name TEXT NOT NULL,
          taxonomy TEXT, tax_id TEXT,
          address TEXT, city TEXT, state TEXT, zip TEXT,
          deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """,
        "CREATE INDEX provider_npi ON provider(npi)",
        """
        CREATE TABLE payer (
          id TEXT PRIMARY KEY NOT NULL,
          owner TEXT NOT NULL,
          payer_id TEXT NOT NULL,
          name TEXT NOT NULL,
          filing_indicator TEXT NOT NULL DEFAULT 'CI',
          deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE claim (
          id TEXT PRIMARY KEY NOT NULL,
          owner TEXT NOT NULL,
          claim_number TEXT NOT NULL,
          patient_id TEXT NOT NULL,
          payer_id TEXT NOT NULL,
          billing_npi TEXT NOT NULL,
          rendering_npi TEXT,
          pos TEXT NOT NULL DEFAULT '11',
          diagnoses TEXT NOT NULL DEFAULT '',
          frequency TEXT NOT NULL DEFAULT '1',
          payer_claim_number TEXT,
          lifecycle INTEGER NOT NULL DEFAULT 16,
          total_charge_cents INTEGER NOT NULL DEFAULT 0,
          notes TEXT NOT NULL DEFAULT '',
          original_claim_id TEXT,
          deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE service_line (
          id TEXT PRIMARY KEY NOT NULL,
          owner TEXT NOT NULL,
          claim_id TEXT NOT NULL,
          line_number INTEGER NOT NULL,
          procedure_code TEXT NOT NULL,
          modifiers TEXT NOT NULL DEFAULT '',
          units INTEGER NOT NULL,
          charge_cents INTEGER NOT NULL,
          service_date TEXT NOT NULL,
          service_date_to TEXT,
          dx_pointers TEXT NOT NULL,
          pos TEXT,
          deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """,
        "CREATE INDEX service_line_claim ON service_line(claim_id)",
        """
        CREATE TABLE conflict (
          id TEXT PRIMARY KEY NOT NULL,
          owner TEXT NOT NULL,
          kind TEXT NOT NULL,
          tbl TEXT NOT NULL,
          row_id TEXT NOT NULL,
          field TEXT NOT NULL,
          winner_value,
          winner_version TEXT NOT NULL,
          loser_value,
          loser_version TEXT NOT NULL,
          message TEXT NOT NULL,
          status INTEGER NOT NULL DEFAULT 0,
          resolution TEXT,
          deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID
        """,
        "CREATE INDEX conflict_row ON conflict(row_id)",
    ]

    static let codebookTables = [
        """
        CREATE TABLE code_release (
          id TEXT PRIMARY KEY NOT NULL,
          system TEXT NOT NULL,
          name TEXT NOT NULL,
          effective_from TEXT NOT NULL,
          effective_to TEXT,
          sha256 TEXT NOT NULL,
          source_file TEXT NOT NULL,
          origin TEXT NOT NULL CHECK (origin IN ('central', 'local')),
          entry_count INTEGER NOT NULL,
          imported_at INTEGER NOT NULL,
          UNIQUE (system, name)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE code (
          rowid INTEGER PRIMARY KEY,
          release_id TEXT NOT NULL REFERENCES code_release(id) ON DELETE CASCADE,
          system TEXT NOT NULL,
          code TEXT NOT NULL,
          short_description TEXT NOT NULL,
          description TEXT NOT NULL,
          billable INTEGER NOT NULL,
          is_em INTEGER NOT NULL DEFAULT 0
        )
        """,
        "CREATE INDEX code_lookup ON code(code, release_id)",
        // Code-prefix search lists shorter codes first: one range of this index per code length.
        "CREATE INDEX code_length ON code(length(code), code)",
        """
        CREATE VIRTUAL TABLE code_search USING fts5(
          code, description, content = 'code', content_rowid = 'rowid',
          prefix = '1 2 3 4 5 6 7 8 9', tokenize = 'unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TABLE ncci_edit (
          release_id TEXT NOT NULL REFERENCES code_release(id) ON DELETE CASCADE,
          column1 TEXT NOT NULL,
          column2 TEXT NOT NULL,
          effective TEXT NOT NULL,
          deletion TEXT,
          modifier_indicator INTEGER NOT NULL,
          rationale TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX ncci_pair ON ncci_edit(column1, column2)",
        """
        CREATE TABLE mue_limit (
          release_id TEXT NOT NULL REFERENCES code_release(id) ON DELETE CASCADE,
          code TEXT NOT NULL,
          max_units INTEGER NOT NULL,
          indicator INTEGER NOT NULL,
          rationale TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX mue_code ON mue_limit(code)",
    ]

    /// Capture triggers for one synced table: a whole-row change on insert, a field change per
    /// updated column, and refusals of hard deletes and identity changes.
    static func triggers(table: String, columns: [String]) -> [String] {
        let notApplying = "(SELECT applying FROM capture_state) = 0"
        let rowObject = "json_object(" + columns.map { "'\($0)', NEW.\($0)" }.joined(separator: ", ") + ")"
        var statements = [
            """
            CREATE TRIGGER capture_\(table)_insert AFTER INSERT ON \(table) WHEN \(notApplying)
            BEGIN
              INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at)
              SELECT '\(table)', NEW.id, NEW.owner, '*', \(rowObject), hlc, site_id, observed, author, now_ms
              FROM capture_state;
            END
            """,
            """
            CREATE TRIGGER guard_\(table)_delete BEFORE DELETE ON \(table)
            BEGIN
              SELECT RAISE(ABORT, '\(table) rows are never deleted: set deleted = 1 (a tombstone) instead');
            END
            """,
            """
            CREATE TRIGGER guard_\(table)_identity BEFORE UPDATE OF id, owner ON \(table)
            WHEN OLD.id IS NOT NEW.id OR OLD.owner IS NOT NEW.owner
            BEGIN
              SELECT RAISE(ABORT, '\(table) id and owner never change');
            END
            """,
        ]
        for column in columns where column != "owner" {
            statements.append("""
            CREATE TRIGGER capture_\(table)_\(column) AFTER UPDATE OF \(column) ON \(table)
            WHEN OLD.\(column) IS NOT NEW.\(column) AND \(notApplying)
            BEGIN
              INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                                      prev_hlc, prev_site, prev_seq)
              SELECT '\(table)', NEW.id, NEW.owner, '\(column)', NEW.\(column), s.hlc, s.site_id, s.observed,
                     s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
              FROM capture_state AS s
              LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
                         WHERE row_id = NEW.id AND tbl = '\(table)' AND field IN ('\(column)', '*')
                         ORDER BY seq DESC LIMIT 1) AS p ON 1;
            END
            """)
        }
        return statements
    }
}
