import CSQLiteSession
import ClinicStore
import Foundation

/// DESIGN §7's native ceiling: plain prepared inserts of the same rows in one transaction,
/// and SQLite's session extension capturing those inserts and applying its changeset to an
/// empty database. No ClinicSync code runs here.
enum NativeBaseline {
    /// What the session extension did with the rows.
    struct SessionFigures {
        /// Inserting the rows with a session attached, plus building the changeset.
        var captureSeconds: Double
        /// `sqlite3changeset_apply` of that changeset into an empty database, in one transaction.
        var applySeconds: Double
        /// The changeset's size.
        var changesetBytes: Int
        /// The changeset gzipped (as the wire would carry it).
        var changesetGzipBytes: Int
    }

    /// Creates a database at `path` with `schema`.
    static func database(at path: String, schema: [String]) throws -> NativeDatabase {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let db = try NativeDatabase(path: path)
        for statement in schema { try db.execute(statement) }
        return db
    }

    /// Inserts every row with one prepared statement per table, in one transaction.
    static func insert(_ tables: [TableRows], into db: NativeDatabase) throws {
        try db.execute("BEGIN")
        for table in tables {
            let statement = try db.prepare(table.insertSQL)
            for row in table.rows { try statement.run(row) }
        }
        try db.execute("COMMIT")
    }

    /// Seconds to insert `tables` plainly into a new database at `path`.
    static func plainInsertSeconds(_ tables: [TableRows], schema: [String], path: String) throws -> (wall: Double, cpu: Double) {
        let db = try database(at: path, schema: schema)
        let timed = try Stopwatch.timeCPU { try insert(tables, into: db) }
        return (timed.seconds, timed.cpu)
    }

    /// Seconds to insert `tables` into a new database at `path` whose every table also writes
    /// the barest change record a trigger can: one row of (table, row id) per insert, with no
    /// values, no version and no index: the least a change record per write in the same
    /// transaction (DESIGN §3) adds to the plain insert, with SQLite's default page cache.
    /// The ratio grows with the transaction once its pages spill from the cache.
    static func logRowFloorSeconds(_ tables: [TableRows], schema: [String], path: String) throws -> Double {
        var floorSchema = schema
        floorSchema.append("CREATE TABLE change_floor (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL)")
        for table in tables {
            floorSchema.append("CREATE TRIGGER \(table.table)_floor AFTER INSERT ON \(table.table) "
                + "BEGIN INSERT INTO change_floor (tbl, row_id) VALUES ('\(table.table)', NEW.id); END")
        }
        return try plainInsertSeconds(tables, schema: floorSchema, path: path).wall
    }

    /// Seconds to insert `tables` plainly into a new, empty store file at `path`: the store's
    /// whole schema, created by ClinicStore, so that its capture triggers log every row (the
    /// row's values as JSON, its version, two indexes) in the same transaction: what capture
    /// costs inside SQLite, without the store API's checks and bookkeeping.
    static func storeTriggerSeconds(_ tables: [TableRows], path: String) throws -> Double {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        _ = try LocalStore.create(at: path, role: .clinic, clinicID: "trigger-baseline")
        let db = try NativeDatabase(path: path)
        return try Stopwatch.time { try insert(tables, into: db) }.seconds
    }

    /// Captures the inserts with a session into `path`, then applies the changeset to `applyPath`.
    static func session(_ tables: [TableRows], schema: [String], path: String, applyPath: String) throws -> SessionFigures {
        let source = try database(at: path, schema: schema)
        let (changeset, captureSeconds) = try Stopwatch.time {
            try recording(source) { try insert(tables, into: source) }
        }
        let target = try database(at: applyPath, schema: schema)
        let applySeconds = try Stopwatch.time { try apply(changeset, to: target) }.seconds
        return SessionFigures(captureSeconds: captureSeconds, applySeconds: applySeconds,
                              changesetBytes: changeset.count, changesetGzipBytes: try gzipSize(changeset))
    }

    /// The changeset of whatever `body` writes to `db`, recorded by a session on every table.
    static func recording(_ db: NativeDatabase, _ body: () throws -> Void) throws -> [UInt8] {
        var session: OpaquePointer?
        guard sqlite3session_create(db.handle, "main", &session) == SQLITE_OK, let session else {
            throw NativeDatabase.Failure(step: "sqlite3session_create", message: db.lastError)
        }
        defer { sqlite3session_delete(session) }
        guard sqlite3session_attach(session, nil) == SQLITE_OK else {
            throw NativeDatabase.Failure(step: "sqlite3session_attach", message: db.lastError)
        }
        try body()
        var size: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        guard sqlite3session_changeset(session, &size, &buffer) == SQLITE_OK else {
            throw NativeDatabase.Failure(step: "sqlite3session_changeset", message: db.lastError)
        }
        defer { sqlite3_free(buffer) }
        guard let buffer else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: buffer, count: Int(size)))
    }

    /// Applies `changeset` to `db` in one transaction; any conflict aborts.
    static func apply(_ changeset: [UInt8], to db: NativeDatabase) throws {
        try db.execute("BEGIN")
        var bytes = changeset
        let code = bytes.withUnsafeMutableBytes { raw in
            sqlite3changeset_apply(db.handle, Int32(raw.count), raw.baseAddress, nil,
                                   { _, _, _ in SQLITE_CHANGESET_ABORT }, nil)
        }
        guard code == SQLITE_OK else {
            try? db.execute("ROLLBACK")
            throw NativeDatabase.Failure(step: "sqlite3changeset_apply", message: db.lastError)
        }
        try db.execute("COMMIT")
    }

    /// The changeset of field updates `updates` (table, column, row id, new value) on a
    /// database already holding `tables`: what the session extension would ship for them.
    static func updateChangeset(_ tables: [TableRows], schema: [String], path: String,
                                updates: [(table: String, column: String, row: String, value: NativeValue)]) throws -> [UInt8] {
        let db = try database(at: path, schema: schema)
        try insert(tables, into: db)
        return try recording(db) {
            try db.execute("BEGIN")
            var statements: [String: NativeStatement] = [:]
            for update in updates {
                let sql = "UPDATE \(update.table) SET \(update.column) = ? WHERE id = ?"
                let statement = try statements[sql] ?? db.prepare(sql)
                statements[sql] = statement
                try statement.run([update.value, .text(update.row)])
            }
            try db.execute("COMMIT")
        }
    }

    /// Size of `bytes` after gzip at the default level.
    static func gzipSize(_ bytes: [UInt8]) throws -> Int {
        try GzipSize.of(bytes)
    }
}
