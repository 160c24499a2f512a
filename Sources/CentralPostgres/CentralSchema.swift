import ClinicStore
import SyncModel

/// The central node's PostgreSQL schema: the synced tables as the SQLite store has them, the
/// change log (whose `seq` is the server sequence), per-site progress, enrollments, published
/// code releases and the node's own state. Migrations are numbered, never change once
/// shipped, and run at startup under an advisory lock, so several `serve` processes starting
/// at once migrate the database once.
enum CentralSchema {
    /// Every migration, in order; index + 1 is its version.
    static let migrations: [[String]] = [version1, version2, version3, version4, version5, version6]

    /// The advisory lock (two keys) taken by migrations and by every write transaction; the
    /// second key is the schema name's hash, so two ClinicSync schemas in one database do not
    /// wait on each other.
    static let lockClass: Int32 = 0x436C_5359  // "ClSY"

    /// `SELECT pg_advisory_xact_lock(…)` for `schema` (a plain name, checked by the configuration).
    static func writeLock(schema: String) -> String {
        "SELECT pg_advisory_xact_lock(\(lockClass), hashtext('\(schema)'))"
    }

    /// Creates the schema if needed and applies the migrations it lacks, under the write lock;
    /// returns the central site id (made from `newSiteID` the first time).
    static func migrate(_ gateway: Gateway, schema: String, newSiteID: String, nowMillis: Int64) async throws -> String {
        let logger = gateway.logger
        return try await gateway.transaction { connection in
            try await connection.run(writeLock(schema: schema), logger: logger)
            try await connection.run("CREATE SCHEMA IF NOT EXISTS \(schema)", logger: logger)
            try await connection.run("""
                CREATE TABLE IF NOT EXISTS clinicsync_migration (version integer PRIMARY KEY, applied_at bigint NOT NULL)
                """, logger: logger)
            let current = try await connection.rows("SELECT coalesce(max(version), 0)::bigint FROM clinicsync_migration",
                                                    logger: logger).first.map { try $0.decode(Int64.self) } ?? 0
            guard current <= Int64(migrations.count) else {
                throw StoreError.newerSchema(path: "PostgreSQL schema \(schema)")
            }
            for (index, statements) in migrations.enumerated() where Int64(index + 1) > current {
                for statement in statements { try await connection.run(statement, logger: logger) }
                try await connection.run("INSERT INTO clinicsync_migration (version, applied_at) VALUES ($1, $2)",
                                         [.integer(Int64(index + 1)), .integer(nowMillis)], logger: logger)
            }
            try await connection.run("""
                INSERT INTO central_state (id, site_id, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING
                """, [.text(newSiteID), .integer(nowMillis)], logger: logger)
            return try await connection.rows("SELECT site_id FROM central_state", logger: logger)
                .first.map { try $0.decode(String.self) } ?? newSiteID
        }
    }

    /// Whether a synced column is stored as JSON text (a column of any scalar type).
    static func isJSONColumn(table: String, column: String) -> Bool {
        SyncedTable.all[table]?.columns[column]?.type == .any
    }

    /// Version 2, frozen: each clinic site's recent sync requests and the changes refused from
    /// each clinic by reason (`clinicsync admin clinics`), as in the SQLite store's v3.
    static let version2: [String] = [
        """
        CREATE TABLE sync_activity (
          id bigserial PRIMARY KEY,
          clinic_id text NOT NULL,
          site text NOT NULL,
          kind text NOT NULL,
          at bigint NOT NULL,
          duration_ms bigint NOT NULL,
          changes bigint NOT NULL,
          refused bigint NOT NULL,
          result text NOT NULL
        )
        """,
        "CREATE INDEX sync_activity_site ON sync_activity (clinic_id, site, id)",
        """
        CREATE TABLE refusal_count (
          clinic_id text NOT NULL,
          reason text NOT NULL,
          count bigint NOT NULL,
          PRIMARY KEY (clinic_id, reason)
        )
        """,
    ]

    /// Version 1, frozen.
    static var version1: [String] {
        var statements = [
            """
            CREATE TABLE central_state (
              id integer PRIMARY KEY CHECK (id = 1),
              site_id text NOT NULL,
              hlc bigint NOT NULL DEFAULT 0,
              log_head bigint NOT NULL DEFAULT 0,
              created_at bigint NOT NULL
            )
            """,
            "CREATE TABLE site_progress (site text PRIMARY KEY, max_seq bigint NOT NULL)",
            """
            CREATE TABLE clinic_enrollment (
              clinic_id text PRIMARY KEY,
              name text,
              token_hash text NOT NULL,
              enrolled_at bigint NOT NULL,
              revoked_at bigint
            )
            """,
            """
            CREATE TABLE change_log (
              seq bigint PRIMARY KEY,
              tbl text NOT NULL,
              row_id text NOT NULL,
              owner text NOT NULL,
              field text NOT NULL,
              value text NOT NULL,
              hlc bigint NOT NULL,
              site text NOT NULL,
              site_seq bigint,
              prev_hlc bigint,
              prev_site text,
              prev_seq bigint,
              observed bigint NOT NULL DEFAULT 0,
              author text,
              reassertion bigint NOT NULL DEFAULT 0,
              applied boolean NOT NULL DEFAULT true,
              recorded_at bigint NOT NULL
            )
            """,
            "CREATE INDEX change_log_row ON change_log (tbl, row_id, seq)",
            "CREATE INDEX change_log_origin ON change_log (site, site_seq) WHERE site_seq IS NOT NULL",
            "CREATE INDEX change_log_scope ON change_log (owner, seq) WHERE applied",
            "CREATE INDEX change_log_latest ON change_log (tbl, row_id, field, seq) WHERE applied",
            """
            CREATE TABLE code_release (
              id text PRIMARY KEY,
              system text NOT NULL,
              name text NOT NULL,
              effective_from text NOT NULL,
              release_json text NOT NULL,
              file_json text NOT NULL,
              published_at bigint NOT NULL,
              UNIQUE (system, name)
            )
            """,
        ]
        // The synced tables as SyncedTable described them when v1 shipped, frozen as text: a
        // column added to the catalogue later comes with a migration of its own, and never
        // changes v1 for new databases.
        statements += [
            """
            CREATE TABLE claim (
              id text PRIMARY KEY,
              billing_npi text NOT NULL,
              claim_number text NOT NULL,
              deleted bigint NOT NULL DEFAULT 0,
              diagnoses text NOT NULL DEFAULT '',
              frequency text NOT NULL DEFAULT '1',
              lifecycle bigint NOT NULL DEFAULT 16,
              notes text NOT NULL DEFAULT '',
              original_claim_id text,
              owner text NOT NULL,
              patient_id text NOT NULL,
              payer_claim_number text,
              payer_id text NOT NULL,
              pos text NOT NULL DEFAULT '11',
              rendering_npi text,
              total_charge_cents bigint NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE conflict (
              id text PRIMARY KEY,
              deleted bigint NOT NULL DEFAULT 0,
              field text NOT NULL,
              kind text NOT NULL,
              loser_value text,
              loser_version text NOT NULL,
              message text NOT NULL,
              owner text NOT NULL,
              resolution text,
              row_id text NOT NULL,
              status bigint NOT NULL DEFAULT 0,
              tbl text NOT NULL,
              winner_value text,
              winner_version text NOT NULL
            )
            """,
            """
            CREATE TABLE patient (
              id text PRIMARY KEY,
              address text,
              city text,
              deleted bigint NOT NULL DEFAULT 0,
              dob text NOT NULL,
              first_name text NOT NULL,
              last_name text NOT NULL,
              member_id text NOT NULL,
              owner text NOT NULL,
              relationship text,
              sex text NOT NULL,
              state text,
              subscriber_id text,
              zip text
            )
            """,
            """
            CREATE TABLE payer (
              id text PRIMARY KEY,
              deleted bigint NOT NULL DEFAULT 0,
              filing_indicator text NOT NULL DEFAULT 'CI',
              name text NOT NULL,
              owner text NOT NULL,
              payer_id text NOT NULL
            )
            """,
            """
            CREATE TABLE provider (
              id text PRIMARY KEY,
              address text,
              city text,
              deleted bigint NOT NULL DEFAULT 0,
              name text NOT NULL,
              npi text NOT NULL,
              owner text NOT NULL,
              state text,
              tax_id text,
              taxonomy text,
              zip text
            )
            """,
            """
            CREATE TABLE service_line (
              id text PRIMARY KEY,
              charge_cents bigint NOT NULL,
              claim_id text NOT NULL,
              deleted bigint NOT NULL DEFAULT 0,
              dx_pointers text NOT NULL,
              line_number bigint NOT NULL,
              modifiers text NOT NULL DEFAULT '',
              owner text NOT NULL,
              pos text,
              procedure_code text NOT NULL,
              service_date text NOT NULL,
              service_date_to text,
              units bigint NOT NULL
            )
            """,
            "CREATE INDEX service_line_claim ON service_line (claim_id)",
            "CREATE INDEX conflict_row ON conflict (row_id)",
        ]
        return statements
    }
}
