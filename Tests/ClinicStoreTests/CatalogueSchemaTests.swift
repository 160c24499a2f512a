import BillingModel
@testable import ClinicStore
import GRDB
import SyncModel
import Testing

/// The SQLite store agrees with the table catalogue (DESIGN §1 "One source of truth"): the
/// migrated tables (columns, types, NOT NULL, defaults, indexes), the capture triggers (every
/// column of every synced table is logged, on insert and on update), the records and the bulk
/// entry's column lists. Adding a column to the catalogue without a migration fails here.
@Suite struct CatalogueSchemaTests {
    static let catalogue = SyncCatalogue.current

    /// A column as `PRAGMA table_info` describes it.
    struct Described: Hashable, CustomStringConvertible {
        let name: String, type: String, notNull: Bool, defaultSQL: String?
        var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "")" + (defaultSQL.map { " DEFAULT \($0)" } ?? "") }
    }

    static func expected(_ column: SyncedColumn) -> Described {
        let type = switch column.type { case .text: "TEXT"; case .integer: "INTEGER"; case .any: "" }
        let defaultSQL: String? = switch column.defaultValue {
        case .text(let text): "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .integer(let integer): String(integer)
        case nil: nil
        }
        return Described(name: column.name, type: type, notNull: !column.nullable, defaultSQL: defaultSQL)
    }

    @Test(arguments: Array(catalogue.tables.keys).sorted())
    func theMigratedTableIsTheCatalogues(_ name: String) throws {
        let table = try #require(Self.catalogue.tables[name])
        let store = try TestStores.clinic()
        let described = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)",
                             arguments: [name])
                .map { (Described(name: $0["name"], type: $0["type"], notNull: $0["notnull"], defaultSQL: $0["dflt_value"]),
                        $0["pk"] as Int) }
        }
        #expect(described.filter { $0.1 == 1 }.map(\.0) == [Described(name: "id", type: "TEXT", notNull: true, defaultSQL: nil)])
        let columns = Set(described.filter { $0.1 == 0 }.map(\.0))
        let declared = Set(table.catalogueColumns.map(Self.expected))
        #expect(columns == declared, """
            \(name): only in SQLite \(columns.subtracting(declared).map(\.description).sorted()), \
            only in the catalogue \(declared.subtracting(columns).map(\.description).sorted())
            """)

        let indexes = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                arguments: [name]).map { index in
                SyncedIndex(index, on: try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
                                                           arguments: [index]))
            }
        }
        let sqliteIndexes: [SyncedIndex] = table.indexes.filter { $0.backends.contains(.sqlite) }
        let expectedIndexes: Set<[String]> = Set(sqliteIndexes.map { [$0.name] + $0.columns })
        let foundIndexes: Set<[String]> = Set(indexes.map { [$0.name] + $0.columns })
        #expect(foundIndexes == expectedIndexes, "\(name): indexes \(foundIndexes) differ from the catalogue's")
    }

    /// A value of `column`'s type, different for `round` 0 (insert) and 1 (update).
    static func sqlValue(_ column: SyncedColumn, round: Int) -> String {
        if column.name == SyncSchema.deletedField { return String(round) }
        return column.type == .integer ? String(round + 1) : "'\(column.name)-\(round)'"
    }

    @Test(arguments: Array(catalogue.tables.keys).sorted())
    func theCaptureTriggersLogEveryColumn(_ name: String) throws {
        let table = try #require(Self.catalogue.tables[name])
        let store = try TestStores.clinic()
        let columns = table.catalogueColumns
        let names = columns.map(\.name)
        let inserted = try store.write { db in
            try db.execute(sql: "INSERT INTO \(name) (id, \(names.joined(separator: ", "))) VALUES ('row-1', "
                           + columns.map { $0.name == "owner" ? "'clinic-a'" : Self.sqlValue($0, round: 0) }
                               .joined(separator: ", ") + ")")
            return try String.fetchAll(db, sql: """
                SELECT j.key FROM change_log AS c, json_each(c.value) AS j
                WHERE c.tbl = ? AND c.row_id = 'row-1' AND c.field = '*'
                """, arguments: [name])
        }
        #expect(Set(inserted) == Set(names), "\(name): the insert trigger logs \(inserted.sorted())")

        let updated = try store.write { db in
            for column in columns where column.name != "owner" {
                try db.execute(sql: "UPDATE \(name) SET \(column.name) = \(Self.sqlValue(column, round: 1)) WHERE id = 'row-1'")
            }
            return try String.fetchAll(db, sql: "SELECT field FROM change_log WHERE tbl = ? AND row_id = 'row-1' AND field <> '*'",
                                       arguments: [name])
        }
        #expect(updated.sorted() == names.filter { $0 != "owner" }.sorted(), "\(name): the update triggers log \(updated.sorted())")
    }

    /// The column names a record writes (its `databaseDictionary`, every property).
    static func written(_ record: some EncodableRecord) throws -> Set<String> { Set(try record.databaseDictionary.keys) }

    @Test func theRecordsWriteTheCataloguesColumns() throws {
        let store = try TestStores.clinic()
        try TestStores.seedClaim(in: store)
        let records: [(String, Set<String>)] = try store.read { db in
            [("patient", try Self.written(try #require(try PatientRecord.fetchOne(db)))),
             ("provider", try Self.written(try #require(try ProviderRecord.fetchOne(db)))),
             ("payer", try Self.written(try #require(try PayerRecord.fetchOne(db)))),
             ("claim", try Self.written(try #require(try ClaimRecord.fetchOne(db)))),
             ("service_line", try Self.written(try #require(try ServiceLineRecord.fetchOne(db))))]
        }
        for (name, columns) in records {
            let table = try #require(Self.catalogue.tables[name])
            #expect(columns == Set(table.columns.keys).union(["id"]), "\(name)Record writes \(columns.sorted())")
        }
        // Every name the records' `Columns` spell is a column of their table.
        let named: [(String, [Column])] = [
            ("patient", [PatientRecord.Columns.id, PatientRecord.Columns.owner, PatientRecord.Columns.lastName,
                         PatientRecord.Columns.deleted]),
            ("provider", [ProviderRecord.Columns.npi, ProviderRecord.Columns.name, ProviderRecord.Columns.deleted]),
            ("payer", [PayerRecord.Columns.owner, PayerRecord.Columns.payerId, PayerRecord.Columns.name,
                       PayerRecord.Columns.deleted]),
            ("claim", [ClaimRecord.Columns.id, ClaimRecord.Columns.claimNumber, ClaimRecord.Columns.lifecycle,
                       ClaimRecord.Columns.deleted]),
            ("service_line", [ServiceLineRecord.Columns.claimId, ServiceLineRecord.Columns.lineNumber,
                              ServiceLineRecord.Columns.deleted]),
        ]
        for (name, columns) in named {
            for column in columns {
                #expect(column.name == "id" || Self.catalogue.tables[name]?.columns[column.name] != nil, "\(name).\(column.name)")
            }
        }
    }

    /// The column list of an `INSERT INTO table (…)` statement.
    static func insertColumns(_ sql: String) -> [String] {
        let inside = sql.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
        return inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    @Test func theBulkEntryInsertsEveryColumn() throws {
        for (name, sql) in [("claim", LocalStore.bulkClaimInsert), ("service_line", LocalStore.bulkLineInsert)] {
            let table = try #require(Self.catalogue.tables[name])
            let columns = Self.insertColumns(sql)
            #expect(Set(columns) == Set(table.columns.keys).union(["id"]) && columns.count == table.columns.count + 1,
                    "\(name): the bulk insert names \(columns)")
        }
    }
}
