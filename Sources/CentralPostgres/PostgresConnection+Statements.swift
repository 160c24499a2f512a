import Foundation
import Logging
import PostgresNIO
import SyncModel

extension PostgresConnection {
    /// Runs a statement with `$1`, `$2` … bound to `arguments`, discarding any rows.
    func run(_ sql: String, _ arguments: [FieldValue] = [], logger: Logger) async throws {
        _ = try await query(PostgresQuery(unsafeSQL: sql, binds: .fields(arguments)), logger: logger).collect()
    }

    /// The rows a query returns, with `$1`, `$2` … bound to `arguments`.
    func rows(_ sql: String, _ arguments: [FieldValue] = [], logger: Logger) async throws -> [PostgresRow] {
        try await query(PostgresQuery(unsafeSQL: sql, binds: .fields(arguments)), logger: logger).collect()
    }
}

extension PostgresBindings {
    /// Bindings for field values: text, 64-bit integers, doubles and NULL.
    static func fields(_ values: [FieldValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let int): bindings.append(int)
            case .real(let double): bindings.append(double)
            case .text(let text): bindings.append(text)
            }
        }
        return bindings
    }
}

/// Field values as the JSON text the change log and the conflict table's value columns hold.
enum FieldJSON {
    /// One value as a JSON scalar, e.g. `"E119"`, `42`, `null`.
    static func encode(_ value: FieldValue) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// A row insert's columns as a JSON object with sorted keys.
    static func encode(_ values: [String: FieldValue]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    static func decodeValue(_ text: String) throws -> FieldValue {
        try JSONDecoder().decode(FieldValue.self, from: Data(text.utf8))
    }

    static func decodeObject(_ text: String) throws -> [String: FieldValue] {
        try JSONDecoder().decode([String: FieldValue].self, from: Data(text.utf8))
    }
}
