import CSQLiteSession
import Foundation

/// A plain SQLite connection over the system library's C API, with no ClinicSync code in
/// the way: the native ceiling the benchmark compares the store against.
final class NativeDatabase {
    /// A failed SQLite call, with the statement or step it concerns.
    struct Failure: Error, CustomStringConvertible {
        var step: String
        var message: String
        var description: String { "SQLite \(step): \(message)" }
    }

    let handle: OpaquePointer

    /// Opens (or creates) the database file at `path` in WAL mode with `synchronous = NORMAL`,
    /// `temp_store = MEMORY` and `wal_autocheckpoint = 16384`, the settings the store's GRDB pool uses.
    init(path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db else {
            throw Failure(step: "open", message: path)
        }
        handle = db
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA temp_store = MEMORY")
        try execute("PRAGMA wal_autocheckpoint = 16384")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw Failure(step: String(sql.prefix(60)), message: message)
        }
    }

    /// Prepares one statement.
    func prepare(_ sql: String) throws -> NativeStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement else {
            throw Failure(step: "prepare \(sql.prefix(60))", message: lastError)
        }
        return NativeStatement(handle: statement, database: self)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A prepared statement: bind, step, reset.
final class NativeStatement {
    let handle: OpaquePointer
    unowned let database: NativeDatabase

    init(handle: OpaquePointer, database: NativeDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to the parameters in order, steps to completion and resets.
    func run(_ values: [NativeValue]) throws {
        for (index, value) in values.enumerated() {
            let slot = Int32(index + 1)
            switch value {
            case .null: sqlite3_bind_null(handle, slot)
            case .integer(let number): sqlite3_bind_int64(handle, slot, number)
            case .text(let text): sqlite3_bind_text(handle, slot, text, -1, transient)
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw NativeDatabase.Failure(step: "step", message: database.lastError)
        }
    }
}

/// A value bound to a native statement.
enum NativeValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
}

/// `SQLITE_TRANSIENT`: SQLite copies the bound bytes.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
