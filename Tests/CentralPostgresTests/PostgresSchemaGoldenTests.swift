@testable import CentralPostgres
import ClinicStore
import SyncModel
import Foundation
import Testing

extension PostgresSuites {
    /// `Schemas/postgres-schema.txt` is the golden description of a migrated PostgreSQL central
    /// schema (tables with their columns, types, nullability and defaults; indexes), as
    /// `Schemas/schema.sql` is for SQLite: a schema change must show up there
    /// (`CLINICSYNC_UPDATE_GOLDEN=1` rewrites it; review the diff). And the synced tables there
    /// agree with the catalogue (`SyncedTable.all`): every column, its type, nullability and default,
    /// and the indexes.
    @Suite(.needsPostgres) struct PostgresSchemaGoldenTests {
        /// One line per column, then one per index, in name order; the schema's name left out.
        static func describe(_ central: PostgresCentral, schema: String) async throws -> [String] {
            let logger = TestDatabase.logger
            return try await central.gateway.transaction(readOnly: true) { connection in
                var lines: [String] = []
                for row in try await connection.rows("""
                    SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text
                    FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, column_name
                    """, [.text(schema)], logger: logger) {
                    let (table, column, type, nullable, defaultValue) = try row.decode((String, String, String, String, String?).self)
                    let unqualified = defaultValue?.replacingOccurrences(of: "\(schema).", with: "")
                    lines.append("\(table).\(column) \(type)\(nullable == "NO" ? " NOT NULL" : "")"
                                 + (unqualified.map { " DEFAULT \($0)" } ?? ""))
                }
                for row in try await connection.rows("""
                    SELECT indexname::text, indexdef::text FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname
                    """, [.text(schema)], logger: logger) {
                    let (_, definition) = try row.decode((String, String).self)
                    lines.append(definition.replacingOccurrences(of: "\(schema).", with: ""))
                }
                return lines
            }
        }

        /// A catalogue column as ``describe(_:schema:)`` writes it (without the table name).
        static func expected(_ column: SyncedColumn) -> String {
            let type = column.type == .integer ? "bigint" : "text"  // a column of any type holds JSON text
            let defaultSQL: String? = switch column.defaultValue {
            case .text(let text): "'" + text.replacingOccurrences(of: "'", with: "''") + "'::text"
            case .integer(let integer): String(integer)
            case nil: nil
            }
            return "\(column.name) \(type)\(column.nullable ? "" : " NOT NULL")" + (defaultSQL.map { " DEFAULT \($0)" } ?? "")
        }

        static var golden: URL {
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Schemas/postgres-schema.txt")
        }

        @Test func aMigratedDatabaseMatchesTheGoldenFileAndTheCatalogue() async throws {
            let configuration = try TestDatabase.configuration()
            let central = try await TestDatabase.backend(configuration)
            let lines = try await Self.describe(central, schema: configuration.schema)
            await central.shutdown()
            let dump = lines.joined(separator: "\n") + "\n"
            if ProcessInfo.processInfo.environment["CLINICSYNC_UPDATE_GOLDEN"] == "1" {
                try dump.write(to: Self.golden, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: Self.golden, encoding: .utf8)
            #expect(dump == expected, "the migrated PostgreSQL schema differs from Schemas/postgres-schema.txt")

            // The synced tables as the catalogue declares them: same columns (besides id), types,
            // nullability, defaults; the indexes the catalogue gives PostgreSQL.
            for (name, table) in SyncedTable.all {
                let columns = lines.filter { $0.hasPrefix("\(name).") && !$0.hasPrefix("\(name).id ") }
                    .map { String($0.dropFirst(name.count + 1)) }
                #expect(Set(columns) == Set(table.catalogueColumns.map(Self.expected)),
                        "\(name): PostgreSQL columns differ from the catalogue")
                let indexes = lines.filter { $0.hasPrefix("CREATE INDEX ") && $0.contains(" ON \(name) USING ") }
                let declared = table.indexes.filter { $0.backends.contains(.postgres) }.map {
                    "CREATE INDEX \($0.name) ON \(name) USING btree (\($0.columns.joined(separator: ", ")))"
                }
                #expect(Set(indexes) == Set(declared), "\(name): PostgreSQL indexes differ from the catalogue")
            }
        }
    }
}
