import Foundation
import GRDB

/// Looks into a store file from outside the store API, with a connection of its own.
enum StoreProbe {
    /// `PRAGMA integrity_check`: `ok` for a sound file.
    static func integrity(_ path: String) throws -> String {
        try queue(path).read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    /// Every table's row count and a digest of its content: equal fingerprints mean nothing changed.
    static func fingerprint(_ path: String) throws -> [String: String] {
        try queue(path).read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            var result: [String: String] = [:]
            for table in tables {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
                var count = 0
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\"")
                while let row = try cursor.next() {
                    for byte in row.description.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                    count += 1
                }
                result[table] = "\(count):" + String(hash, radix: 16)
            }
            return result
        }
    }

    /// The rows a query returns, each as its columns' text.
    static func rows(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> [[String]] {
        try queue(path).read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                row.databaseValues.map { value -> String in
                    switch value.storage {
                    case .null: return "NULL"
                    case .int64(let int): return String(int)
                    case .double(let double): return String(double)
                    case .string(let text): return text
                    case .blob(let data): return data.base64EncodedString()
                    }
                }
            }
        }
    }

    /// One integer a query returns.
    /// The changes `path` logs twice, one line each (`name: site#seq ×count`): a key that
    /// holds more entries than fields, or a row insert beside anything else. With `byClock`, a key
    /// is its site, sequence and clock (a central node put back from a backup hands its own
    /// sequences out again, to other changes, which a clinic holds beside the ones it had).
    static func loggedTwice(_ path: String, name: String, byClock: Bool = false) throws -> [String] {
        try rows(path, """
            SELECT site, site_seq, count(*) FROM change_log WHERE site_seq IS NOT NULL
            GROUP BY site, site_seq\(byClock ? ", hlc" : "")
            HAVING count(*) > count(DISTINCT field) OR (max(field = '*') = 1 AND count(*) > 1)
            """).map { "\(name): \($0[0])#\($0[1]) ×\($0[2])" }
    }

    static func int(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try queue(path).read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// A connection of its own, read-write so that, when it is the last one to close, SQLite
    /// checkpoints and removes the -wal and -shm files as it does when a user's command ends.
    private static func queue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
