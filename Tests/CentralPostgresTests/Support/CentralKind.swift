import CLITesting
import CentralPostgres
import CentralServer
import ClinicStore
import Foundation
import GRDB
import SyncModel
import Testing

/// The central storage a parameterized test runs on: the embedded SQLite store, and
/// PostgreSQL when `CLINICSYNC_POSTGRES_URL` names a server (scripts/test.sh starts one).
enum CentralKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    /// The kinds this run tests: PostgreSQL too when a server is given, and always under
    /// `CLINICSYNC_REQUIRE_ALL=1` (where a missing server fails the PostgreSQL case).
    static var available: [CentralKind] { Requirements.runs(when: TestDatabase.isAvailable) ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }
}

/// What the tests read back from the central node, the same way whatever its storage.
protocol CentralInspection: Sendable {
    func enroll(clinicID: String, name: String?) async throws -> String
    func revoke(clinicID: String) async throws
    /// One synced row's columns, or `nil`.
    func row(_ table: String, id: String) async throws -> [String: FieldValue]?
    /// The ids of a table's rows owned by `owner`, sorted.
    func rowIDs(_ table: String, owner: String) async throws -> [String]
    /// The open conflict records.
    func openConflicts() async throws -> [ConflictRecord]
    /// The last server sequence handed out.
    func logHead() async throws -> Int64
    /// The central office edits one field, as its own change.
    func edit(_ table: String, row: String, field: String, value: FieldValue) async throws
    /// The central office adds a row, as its own change.
    func add(_ table: String, row: String, owner: String, values: [String: FieldValue]) async throws
}

extension PostgresCentral: CentralInspection {
    func enroll(clinicID: String, name: String?) async throws -> String {
        try await enroll(clinicID: clinicID, name: name, reinstate: false)
    }

    func openConflicts() async throws -> [ConflictRecord] { try await conflicts() }

    func edit(_ table: String, row: String, field: String, value: FieldValue) async throws {
        try await write(table: table, row: row, field: field, value: value, author: "central office")
    }

    func add(_ table: String, row: String, owner: String, values: [String: FieldValue]) async throws {
        try await insert(table: table, row: row, owner: owner, values: values, author: "central office")
    }
}

/// The SQLite central store, read directly.
struct StoreInspection: CentralInspection {
    let store: LocalStore

    func enroll(clinicID: String, name: String?) async throws -> String { try store.enroll(clinicID: clinicID, name: name) }

    func revoke(clinicID: String) async throws { try store.revoke(clinicID: clinicID) }

    func row(_ table: String, id: String) async throws -> [String: FieldValue]? {
        try store.read { db -> [String: FieldValue]? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]) else { return nil }
            var values: [String: FieldValue] = [:]
            for column in row.columnNames where column != "id" {
                switch (row[column] as DatabaseValue).storage {
                case .null: values[column] = .null
                case .int64(let int): values[column] = .integer(int)
                case .double(let double): values[column] = .real(double)
                case .string(let text): values[column] = .text(text)
                case .blob(let data): values[column] = .text(String(decoding: data, as: UTF8.self))
                }
            }
            return values
        }
    }

    func rowIDs(_ table: String, owner: String) async throws -> [String] {
        try store.read { try String.fetchAll($0, sql: "SELECT id FROM \(table) WHERE owner = ? ORDER BY id", arguments: [owner]) }
    }

    func openConflicts() async throws -> [ConflictRecord] { try store.conflicts() }

    func edit(_ table: String, row: String, field: String, value: FieldValue) async throws {
        try store.write(author: "central office") { db in
            try db.execute(sql: "UPDATE \(table) SET \(field) = ? WHERE id = ?", arguments: [Self.database(value), row])
        }
    }

    func add(_ table: String, row: String, owner: String, values: [String: FieldValue]) async throws {
        var record = values
        record["owner"] = .text(owner)
        let columns = record, names = record.keys.sorted()
        let placeholders = Array(repeating: "?", count: names.count + 1).joined(separator: ", ")
        try store.write(author: "central office") { db in
            try db.execute(sql: "INSERT INTO \(table) (id, \(names.joined(separator: ", "))) VALUES (\(placeholders))",
                           arguments: StatementArguments([row.databaseValue] + names.map { Self.database(columns[$0] ?? .null) }))
        }
    }

    private static func database(_ value: FieldValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let int): return int.databaseValue
        case .real(let double): return double.databaseValue
        case .text(let text): return text.databaseValue
        }
    }

    func logHead() async throws -> Int64 {
        try store.read { try Int64.fetchOne($0, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0 }
    }
}
