CREATE TABLE capture_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hlc INTEGER NOT NULL DEFAULT 0,
  site_id TEXT NOT NULL,
  observed INTEGER NOT NULL DEFAULT 0,
  author TEXT,
  now_ms INTEGER NOT NULL DEFAULT 0,
  applying INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE central_synonym (
  term TEXT PRIMARY KEY NOT NULL,
  words TEXT NOT NULL,
  added_at INTEGER NOT NULL
) WITHOUT ROWID;

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
);

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
) WITHOUT ROWID;

CREATE TABLE clinic_enrollment (
  clinic_id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  token_hash TEXT NOT NULL,
  enrolled_at INTEGER NOT NULL,
  revoked_at INTEGER
) WITHOUT ROWID;

CREATE TABLE clock_restamp (
  seq INTEGER PRIMARY KEY,           -- change_log.seq of the re-stamped change (its site sequence)
  original_hlc INTEGER NOT NULL,     -- the stamp it was made with
  restamped_at INTEGER NOT NULL,     -- this machine's clock when it was re-stamped (ms)
  central_clock INTEGER NOT NULL     -- the central node's clock it was re-stamped from (ms)
);

CREATE TABLE code (
  rowid INTEGER PRIMARY KEY,
  release_id TEXT NOT NULL REFERENCES code_release(id) ON DELETE CASCADE,
  system TEXT NOT NULL,
  code TEXT NOT NULL,
  short_description TEXT NOT NULL,
  description TEXT NOT NULL,
  billable INTEGER NOT NULL,
  is_em INTEGER NOT NULL DEFAULT 0
, position INTEGER);

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
) WITHOUT ROWID;

CREATE VIRTUAL TABLE code_search USING fts5(
  code, description, content = 'code', content_rowid = 'rowid',
  prefix = '1 2 3 4 5 6 7 8 9', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE 'code_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'code_search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'code_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'code_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE VIRTUAL TABLE code_search_vocab USING fts5vocab(code_search, row);

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
) WITHOUT ROWID;

CREATE TABLE export_counter (
  name TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE mue_limit (
  release_id TEXT NOT NULL REFERENCES code_release(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  max_units INTEGER NOT NULL,
  indicator INTEGER NOT NULL,
  rationale TEXT NOT NULL DEFAULT ''
);

CREATE TABLE ncci_edit (
  release_id TEXT NOT NULL REFERENCES code_release(id) ON DELETE CASCADE,
  column1 TEXT NOT NULL,
  column2 TEXT NOT NULL,
  effective TEXT NOT NULL,
  deletion TEXT,
  modifier_indicator INTEGER NOT NULL,
  rationale TEXT NOT NULL DEFAULT ''
);

CREATE TABLE office_synonym (
  term TEXT PRIMARY KEY NOT NULL,
  words TEXT NOT NULL,
  added_at INTEGER NOT NULL
) WITHOUT ROWID;

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
) WITHOUT ROWID;

CREATE TABLE payer (
  id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  payer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  filing_indicator TEXT NOT NULL DEFAULT 'CI',
  deleted INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE provider (
  id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  npi TEXT NOT NULL,
  name TEXT NOT NULL,
  taxonomy TEXT, tax_id TEXT,
  address TEXT, city TEXT, state TEXT, zip TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE push_refusal (
  seq INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  refused_at INTEGER NOT NULL
);

CREATE TABLE refusal_count (
  clinic_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (clinic_id, reason)
) WITHOUT ROWID;

CREATE TABLE retired_site (
  site TEXT PRIMARY KEY NOT NULL,
  kept_through INTEGER NOT NULL,
  retired_at INTEGER NOT NULL,
  reason TEXT NOT NULL
) WITHOUT ROWID;

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
) WITHOUT ROWID;

CREATE TABLE setting (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE site_answer (
  site TEXT PRIMARY KEY NOT NULL,
  answered_seq INTEGER NOT NULL,
  digest TEXT
) WITHOUT ROWID;

CREATE TABLE site_owner (
  site TEXT PRIMARY KEY NOT NULL,
  clinic_id TEXT NOT NULL,
  bound_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE site_progress (
  site TEXT PRIMARY KEY NOT NULL,
  max_seq INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE store_info (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  role TEXT NOT NULL CHECK (role IN ('clinic', 'central')),
  clinic_id TEXT NOT NULL,
  clinic_name TEXT,
  site_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

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
);

CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT,
  token TEXT,
  cursor INTEGER NOT NULL DEFAULT 0,
  pushed_seq INTEGER NOT NULL DEFAULT 0,
  last_sync_at INTEGER
, received_hlc INTEGER NOT NULL DEFAULT 0, acked_seq INTEGER NOT NULL DEFAULT 0, restored_at INTEGER, recovery TEXT, recovery_at INTEGER, mark_seq INTEGER, mark TEXT);

CREATE INDEX change_log_origin ON change_log(site, site_seq) WHERE site_seq IS NOT NULL;

CREATE INDEX change_log_row ON change_log(row_id, field);

CREATE INDEX code_length ON code(length(code), code);

CREATE INDEX code_lookup ON code(code, release_id);

CREATE INDEX conflict_row ON conflict(row_id);

CREATE INDEX mue_code ON mue_limit(code);

CREATE INDEX ncci_pair ON ncci_edit(column1, column2);

CREATE INDEX provider_npi ON provider(npi);

CREATE INDEX service_line_claim ON service_line(claim_id);

CREATE INDEX sync_activity_site ON sync_activity(clinic_id, site, id);

CREATE TRIGGER capture_claim_billing_npi AFTER UPDATE OF billing_npi ON claim
WHEN OLD.billing_npi IS NOT NEW.billing_npi AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'billing_npi', NEW.billing_npi, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('billing_npi', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_claim_number AFTER UPDATE OF claim_number ON claim
WHEN OLD.claim_number IS NOT NEW.claim_number AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'claim_number', NEW.claim_number, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('claim_number', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_deleted AFTER UPDATE OF deleted ON claim
WHEN OLD.deleted IS NOT NEW.deleted AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'deleted', NEW.deleted, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('deleted', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_diagnoses AFTER UPDATE OF diagnoses ON claim
WHEN OLD.diagnoses IS NOT NEW.diagnoses AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'diagnoses', NEW.diagnoses, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('diagnoses', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_frequency AFTER UPDATE OF frequency ON claim
WHEN OLD.frequency IS NOT NEW.frequency AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'frequency', NEW.frequency, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('frequency', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_insert AFTER INSERT ON claim WHEN (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at)
  SELECT 'claim', NEW.id, NEW.owner, '*', json_object('owner', NEW.owner, 'claim_number', NEW.claim_number, 'patient_id', NEW.patient_id, 'payer_id', NEW.payer_id, 'billing_npi', NEW.billing_npi, 'rendering_npi', NEW.rendering_npi, 'pos', NEW.pos, 'diagnoses', NEW.diagnoses, 'frequency', NEW.frequency, 'payer_claim_number', NEW.payer_claim_number, 'lifecycle', NEW.lifecycle, 'total_charge_cents', NEW.total_charge_cents, 'notes', NEW.notes, 'original_claim_id', NEW.original_claim_id, 'deleted', NEW.deleted), hlc, site_id, observed, author, now_ms
  FROM capture_state;
END;

CREATE TRIGGER capture_claim_lifecycle AFTER UPDATE OF lifecycle ON claim
WHEN OLD.lifecycle IS NOT NEW.lifecycle AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'lifecycle', NEW.lifecycle, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('lifecycle', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_notes AFTER UPDATE OF notes ON claim
WHEN OLD.notes IS NOT NEW.notes AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'notes', NEW.notes, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('notes', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_original_claim_id AFTER UPDATE OF original_claim_id ON claim
WHEN OLD.original_claim_id IS NOT NEW.original_claim_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'original_claim_id', NEW.original_claim_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('original_claim_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_patient_id AFTER UPDATE OF patient_id ON claim
WHEN OLD.patient_id IS NOT NEW.patient_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'patient_id', NEW.patient_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('patient_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_payer_claim_number AFTER UPDATE OF payer_claim_number ON claim
WHEN OLD.payer_claim_number IS NOT NEW.payer_claim_number AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'payer_claim_number', NEW.payer_claim_number, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('payer_claim_number', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_payer_id AFTER UPDATE OF payer_id ON claim
WHEN OLD.payer_id IS NOT NEW.payer_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'payer_id', NEW.payer_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('payer_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_pos AFTER UPDATE OF pos ON claim
WHEN OLD.pos IS NOT NEW.pos AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'pos', NEW.pos, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('pos', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_rendering_npi AFTER UPDATE OF rendering_npi ON claim
WHEN OLD.rendering_npi IS NOT NEW.rendering_npi AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'rendering_npi', NEW.rendering_npi, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('rendering_npi', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_claim_total_charge_cents AFTER UPDATE OF total_charge_cents ON claim
WHEN OLD.total_charge_cents IS NOT NEW.total_charge_cents AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'claim', NEW.id, NEW.owner, 'total_charge_cents', NEW.total_charge_cents, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'claim' AND field IN ('total_charge_cents', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_deleted AFTER UPDATE OF deleted ON conflict
WHEN OLD.deleted IS NOT NEW.deleted AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'deleted', NEW.deleted, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('deleted', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_field AFTER UPDATE OF field ON conflict
WHEN OLD.field IS NOT NEW.field AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'field', NEW.field, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('field', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_insert AFTER INSERT ON conflict WHEN (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at)
  SELECT 'conflict', NEW.id, NEW.owner, '*', json_object('owner', NEW.owner, 'kind', NEW.kind, 'tbl', NEW.tbl, 'row_id', NEW.row_id, 'field', NEW.field, 'winner_value', NEW.winner_value, 'winner_version', NEW.winner_version, 'loser_value', NEW.loser_value, 'loser_version', NEW.loser_version, 'message', NEW.message, 'status', NEW.status, 'resolution', NEW.resolution, 'deleted', NEW.deleted), hlc, site_id, observed, author, now_ms
  FROM capture_state;
END;

CREATE TRIGGER capture_conflict_kind AFTER UPDATE OF kind ON conflict
WHEN OLD.kind IS NOT NEW.kind AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'kind', NEW.kind, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('kind', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_loser_value AFTER UPDATE OF loser_value ON conflict
WHEN OLD.loser_value IS NOT NEW.loser_value AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'loser_value', NEW.loser_value, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('loser_value', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_loser_version AFTER UPDATE OF loser_version ON conflict
WHEN OLD.loser_version IS NOT NEW.loser_version AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'loser_version', NEW.loser_version, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('loser_version', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_message AFTER UPDATE OF message ON conflict
WHEN OLD.message IS NOT NEW.message AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'message', NEW.message, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('message', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_resolution AFTER UPDATE OF resolution ON conflict
WHEN OLD.resolution IS NOT NEW.resolution AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'resolution', NEW.resolution, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('resolution', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_row_id AFTER UPDATE OF row_id ON conflict
WHEN OLD.row_id IS NOT NEW.row_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'row_id', NEW.row_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('row_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_status AFTER UPDATE OF status ON conflict
WHEN OLD.status IS NOT NEW.status AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'status', NEW.status, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('status', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_tbl AFTER UPDATE OF tbl ON conflict
WHEN OLD.tbl IS NOT NEW.tbl AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'tbl', NEW.tbl, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('tbl', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_winner_value AFTER UPDATE OF winner_value ON conflict
WHEN OLD.winner_value IS NOT NEW.winner_value AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'winner_value', NEW.winner_value, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('winner_value', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_conflict_winner_version AFTER UPDATE OF winner_version ON conflict
WHEN OLD.winner_version IS NOT NEW.winner_version AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'conflict', NEW.id, NEW.owner, 'winner_version', NEW.winner_version, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'conflict' AND field IN ('winner_version', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_address AFTER UPDATE OF address ON patient
WHEN OLD.address IS NOT NEW.address AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'address', NEW.address, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('address', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_city AFTER UPDATE OF city ON patient
WHEN OLD.city IS NOT NEW.city AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'city', NEW.city, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('city', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_deleted AFTER UPDATE OF deleted ON patient
WHEN OLD.deleted IS NOT NEW.deleted AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'deleted', NEW.deleted, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('deleted', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_dob AFTER UPDATE OF dob ON patient
WHEN OLD.dob IS NOT NEW.dob AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'dob', NEW.dob, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('dob', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_first_name AFTER UPDATE OF first_name ON patient
WHEN OLD.first_name IS NOT NEW.first_name AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'first_name', NEW.first_name, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('first_name', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_insert AFTER INSERT ON patient WHEN (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at)
  SELECT 'patient', NEW.id, NEW.owner, '*', json_object('owner', NEW.owner, 'first_name', NEW.first_name, 'last_name', NEW.last_name, 'dob', NEW.dob, 'sex', NEW.sex, 'member_id', NEW.member_id, 'address', NEW.address, 'city', NEW.city, 'state', NEW.state, 'zip', NEW.zip, 'subscriber_id', NEW.subscriber_id, 'relationship', NEW.relationship, 'deleted', NEW.deleted), hlc, site_id, observed, author, now_ms
  FROM capture_state;
END;

CREATE TRIGGER capture_patient_last_name AFTER UPDATE OF last_name ON patient
WHEN OLD.last_name IS NOT NEW.last_name AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'last_name', NEW.last_name, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('last_name', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_member_id AFTER UPDATE OF member_id ON patient
WHEN OLD.member_id IS NOT NEW.member_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'member_id', NEW.member_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('member_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_relationship AFTER UPDATE OF relationship ON patient
WHEN OLD.relationship IS NOT NEW.relationship AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'relationship', NEW.relationship, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('relationship', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_sex AFTER UPDATE OF sex ON patient
WHEN OLD.sex IS NOT NEW.sex AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'sex', NEW.sex, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('sex', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_state AFTER UPDATE OF state ON patient
WHEN OLD.state IS NOT NEW.state AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'state', NEW.state, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('state', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_subscriber_id AFTER UPDATE OF subscriber_id ON patient
WHEN OLD.subscriber_id IS NOT NEW.subscriber_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'subscriber_id', NEW.subscriber_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('subscriber_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_patient_zip AFTER UPDATE OF zip ON patient
WHEN OLD.zip IS NOT NEW.zip AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'patient', NEW.id, NEW.owner, 'zip', NEW.zip, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'patient' AND field IN ('zip', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_payer_deleted AFTER UPDATE OF deleted ON payer
WHEN OLD.deleted IS NOT NEW.deleted AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'payer', NEW.id, NEW.owner, 'deleted', NEW.deleted, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'payer' AND field IN ('deleted', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_payer_filing_indicator AFTER UPDATE OF filing_indicator ON payer
WHEN OLD.filing_indicator IS NOT NEW.filing_indicator AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'payer', NEW.id, NEW.owner, 'filing_indicator', NEW.filing_indicator, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'payer' AND field IN ('filing_indicator', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_payer_insert AFTER INSERT ON payer WHEN (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at)
  SELECT 'payer', NEW.id, NEW.owner, '*', json_object('owner', NEW.owner, 'payer_id', NEW.payer_id, 'name', NEW.name, 'filing_indicator', NEW.filing_indicator, 'deleted', NEW.deleted), hlc, site_id, observed, author, now_ms
  FROM capture_state;
END;

CREATE TRIGGER capture_payer_name AFTER UPDATE OF name ON payer
WHEN OLD.name IS NOT NEW.name AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'payer', NEW.id, NEW.owner, 'name', NEW.name, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'payer' AND field IN ('name', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_payer_payer_id AFTER UPDATE OF payer_id ON payer
WHEN OLD.payer_id IS NOT NEW.payer_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'payer', NEW.id, NEW.owner, 'payer_id', NEW.payer_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'payer' AND field IN ('payer_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_address AFTER UPDATE OF address ON provider
WHEN OLD.address IS NOT NEW.address AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'address', NEW.address, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('address', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_city AFTER UPDATE OF city ON provider
WHEN OLD.city IS NOT NEW.city AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'city', NEW.city, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('city', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_deleted AFTER UPDATE OF deleted ON provider
WHEN OLD.deleted IS NOT NEW.deleted AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'deleted', NEW.deleted, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('deleted', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_insert AFTER INSERT ON provider WHEN (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at)
  SELECT 'provider', NEW.id, NEW.owner, '*', json_object('owner', NEW.owner, 'npi', NEW.npi, 'name', NEW.name, 'taxonomy', NEW.taxonomy, 'tax_id', NEW.tax_id, 'address', NEW.address, 'city', NEW.city, 'state', NEW.state, 'zip', NEW.zip, 'deleted', NEW.deleted), hlc, site_id, observed, author, now_ms
  FROM capture_state;
END;

CREATE TRIGGER capture_provider_name AFTER UPDATE OF name ON provider
WHEN OLD.name IS NOT NEW.name AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'name', NEW.name, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('name', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_npi AFTER UPDATE OF npi ON provider
WHEN OLD.npi IS NOT NEW.npi AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'npi', NEW.npi, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('npi', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_state AFTER UPDATE OF state ON provider
WHEN OLD.state IS NOT NEW.state AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'state', NEW.state, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('state', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_tax_id AFTER UPDATE OF tax_id ON provider
WHEN OLD.tax_id IS NOT NEW.tax_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'tax_id', NEW.tax_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('tax_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_taxonomy AFTER UPDATE OF taxonomy ON provider
WHEN OLD.taxonomy IS NOT NEW.taxonomy AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'taxonomy', NEW.taxonomy, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('taxonomy', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_provider_zip AFTER UPDATE OF zip ON provider
WHEN OLD.zip IS NOT NEW.zip AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'provider', NEW.id, NEW.owner, 'zip', NEW.zip, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'provider' AND field IN ('zip', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_charge_cents AFTER UPDATE OF charge_cents ON service_line
WHEN OLD.charge_cents IS NOT NEW.charge_cents AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'charge_cents', NEW.charge_cents, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('charge_cents', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_claim_id AFTER UPDATE OF claim_id ON service_line
WHEN OLD.claim_id IS NOT NEW.claim_id AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'claim_id', NEW.claim_id, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('claim_id', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_deleted AFTER UPDATE OF deleted ON service_line
WHEN OLD.deleted IS NOT NEW.deleted AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'deleted', NEW.deleted, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('deleted', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_dx_pointers AFTER UPDATE OF dx_pointers ON service_line
WHEN OLD.dx_pointers IS NOT NEW.dx_pointers AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'dx_pointers', NEW.dx_pointers, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('dx_pointers', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_insert AFTER INSERT ON service_line WHEN (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at)
  SELECT 'service_line', NEW.id, NEW.owner, '*', json_object('owner', NEW.owner, 'claim_id', NEW.claim_id, 'line_number', NEW.line_number, 'procedure_code', NEW.procedure_code, 'modifiers', NEW.modifiers, 'units', NEW.units, 'charge_cents', NEW.charge_cents, 'service_date', NEW.service_date, 'service_date_to', NEW.service_date_to, 'dx_pointers', NEW.dx_pointers, 'pos', NEW.pos, 'deleted', NEW.deleted), hlc, site_id, observed, author, now_ms
  FROM capture_state;
END;

CREATE TRIGGER capture_service_line_line_number AFTER UPDATE OF line_number ON service_line
WHEN OLD.line_number IS NOT NEW.line_number AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'line_number', NEW.line_number, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('line_number', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_modifiers AFTER UPDATE OF modifiers ON service_line
WHEN OLD.modifiers IS NOT NEW.modifiers AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'modifiers', NEW.modifiers, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('modifiers', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_pos AFTER UPDATE OF pos ON service_line
WHEN OLD.pos IS NOT NEW.pos AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'pos', NEW.pos, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('pos', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_procedure_code AFTER UPDATE OF procedure_code ON service_line
WHEN OLD.procedure_code IS NOT NEW.procedure_code AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'procedure_code', NEW.procedure_code, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('procedure_code', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_service_date AFTER UPDATE OF service_date ON service_line
WHEN OLD.service_date IS NOT NEW.service_date AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'service_date', NEW.service_date, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('service_date', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_service_date_to AFTER UPDATE OF service_date_to ON service_line
WHEN OLD.service_date_to IS NOT NEW.service_date_to AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'service_date_to', NEW.service_date_to, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('service_date_to', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER capture_service_line_units AFTER UPDATE OF units ON service_line
WHEN OLD.units IS NOT NEW.units AND (SELECT applying FROM capture_state) = 0
BEGIN
  INSERT INTO change_log (tbl, row_id, owner, field, value, hlc, site, observed, author, recorded_at,
                          prev_hlc, prev_site, prev_seq)
  SELECT 'service_line', NEW.id, NEW.owner, 'units', NEW.units, s.hlc, s.site_id, s.observed,
         s.author, s.now_ms, p.hlc, p.site, coalesce(p.site_seq, p.seq)
  FROM capture_state AS s
  LEFT JOIN (SELECT hlc, site, site_seq, seq FROM change_log
             WHERE row_id = NEW.id AND tbl = 'service_line' AND field IN ('units', '*')
             ORDER BY seq DESC LIMIT 1) AS p ON 1;
END;

CREATE TRIGGER guard_claim_delete BEFORE DELETE ON claim
BEGIN
  SELECT RAISE(ABORT, 'claim rows are never deleted: set deleted = 1 (a tombstone) instead');
END;

CREATE TRIGGER guard_claim_identity BEFORE UPDATE OF id, owner ON claim
WHEN OLD.id IS NOT NEW.id OR OLD.owner IS NOT NEW.owner
BEGIN
  SELECT RAISE(ABORT, 'claim id and owner never change');
END;

CREATE TRIGGER guard_conflict_delete BEFORE DELETE ON conflict
BEGIN
  SELECT RAISE(ABORT, 'conflict rows are never deleted: set deleted = 1 (a tombstone) instead');
END;

CREATE TRIGGER guard_conflict_identity BEFORE UPDATE OF id, owner ON conflict
WHEN OLD.id IS NOT NEW.id OR OLD.owner IS NOT NEW.owner
BEGIN
  SELECT RAISE(ABORT, 'conflict id and owner never change');
END;

CREATE TRIGGER guard_patient_delete BEFORE DELETE ON patient
BEGIN
  SELECT RAISE(ABORT, 'patient rows are never deleted: set deleted = 1 (a tombstone) instead');
END;

CREATE TRIGGER guard_patient_identity BEFORE UPDATE OF id, owner ON patient
WHEN OLD.id IS NOT NEW.id OR OLD.owner IS NOT NEW.owner
BEGIN
  SELECT RAISE(ABORT, 'patient id and owner never change');
END;

CREATE TRIGGER guard_payer_delete BEFORE DELETE ON payer
BEGIN
  SELECT RAISE(ABORT, 'payer rows are never deleted: set deleted = 1 (a tombstone) instead');
END;

CREATE TRIGGER guard_payer_identity BEFORE UPDATE OF id, owner ON payer
WHEN OLD.id IS NOT NEW.id OR OLD.owner IS NOT NEW.owner
BEGIN
  SELECT RAISE(ABORT, 'payer id and owner never change');
END;

CREATE TRIGGER guard_provider_delete BEFORE DELETE ON provider
BEGIN
  SELECT RAISE(ABORT, 'provider rows are never deleted: set deleted = 1 (a tombstone) instead');
END;

CREATE TRIGGER guard_provider_identity BEFORE UPDATE OF id, owner ON provider
WHEN OLD.id IS NOT NEW.id OR OLD.owner IS NOT NEW.owner
BEGIN
  SELECT RAISE(ABORT, 'provider id and owner never change');
END;

CREATE TRIGGER guard_service_line_delete BEFORE DELETE ON service_line
BEGIN
  SELECT RAISE(ABORT, 'service_line rows are never deleted: set deleted = 1 (a tombstone) instead');
END;

CREATE TRIGGER guard_service_line_identity BEFORE UPDATE OF id, owner ON service_line
WHEN OLD.id IS NOT NEW.id OR OLD.owner IS NOT NEW.owner
BEGIN
  SELECT RAISE(ABORT, 'service_line id and owner never change');
END;
