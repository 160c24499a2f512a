import GRDB
import GRDBSQLite

/// Runs GRDB prepared statements with the SQLite C API directly where the per-row cost of
/// GRDB's conveniences shows: binding a row of values through `StatementArguments` costs more
/// than the insert itself when a page of thousands of changes is applied, and a `Row` per
/// code-search candidate cost more than the full-text match. Same connection, same
/// transaction; errors come back as GRDB's ``DatabaseError``.
enum StatementBinding {
    /// Binds `values` to `statement`'s parameters in order and steps it to completion.
    static func execute(_ statement: Statement, _ values: [DatabaseValue], in db: Database) throws {
        try withBound(values, to: statement, in: db) { handle in
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw failure(code, statement, db) }
            }
        }
    }

    /// Binds `values` and steps once: whether the query returns a row.
    static func hasRow(_ statement: Statement, _ values: [DatabaseValue], in db: Database) throws -> Bool {
        try withBound(values, to: statement, in: db) { handle in
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW || code == SQLITE_DONE else { throw failure(code, statement, db) }
            return code == SQLITE_ROW
        }
    }

    /// Runs `body` with `values` bound to `statement`'s parameters in order (SQLite copies the
    /// text), then resets the statement, whatever `body` did.
    private static func withBound<T>(_ values: [DatabaseValue], to statement: Statement, in db: Database,
                                     _ body: (OpaquePointer) throws -> T) throws -> T {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, index)
            case .int64(let number): code = sqlite3_bind_int64(handle, index, number)
            case .double(let number): code = sqlite3_bind_double(handle, index, number)
            case .string(let text):
                var text = text
                code = text.withUTF8 { bytes in
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), transient)
                }
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transient)
                }
            }
            guard code == SQLITE_OK else { throw failure(code, statement, db) }
        }
        return try body(handle)
    }

    /// Binds `values` and steps through the rows, handing `body` the statement handle to read
    /// the current row in place (`sqlite3_column_*`, ``bytes(_:_:)``); `body` answers whether
    /// to go on. Nothing is copied that `body` does not copy.
    static func forEachRow(_ statement: Statement, _ values: [DatabaseValue], in db: Database,
                           _ body: (OpaquePointer) throws -> Bool) throws {
        try withBound(values, to: statement, in: db) { handle in
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw failure(code, statement, db) }
                guard try body(handle) else { return }
            }
        }
    }

    /// Column `index` of the current row as UTF-8 bytes, valid until the next step (empty for NULL).
    static func bytes(_ handle: OpaquePointer, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(handle, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
    }

    /// Binds `values` and steps once: the first column of the first row as text, or `nil`
    /// when there is no row or the value is NULL.
    static func text(_ statement: Statement, _ values: [DatabaseValue], in db: Database) throws -> String? {
        try withBound(values, to: statement, in: db) { handle in
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { return nil }
                throw failure(code, statement, db)
            }
            guard sqlite3_column_type(handle, 0) != SQLITE_NULL, let text = sqlite3_column_text(handle, 0) else { return nil }
            return String(cString: text)
        }
    }

    private static func failure(_ code: Int32, _ statement: Statement, _ db: Database) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// `SQLITE_TRANSIENT`: SQLite copies the bytes before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
