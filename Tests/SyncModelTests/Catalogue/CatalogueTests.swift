import BillingModel
import Testing
@testable import SyncModel

/// The catalogue is consistent with itself, and the names the merge and the conflict records
/// use come from it (DESIGN §1 "One source of truth").
@Suite struct CatalogueTests {
    static let catalogue = SyncCatalogue.current

    @Test func everyTableHasItsOwnerFirstAndItsTombstoneLast() {
        for table in Self.catalogue.tables.values {
            #expect(table.catalogueColumns.first?.name == "owner", "\(table.name)")
            #expect(table.catalogueColumns.last?.name == SyncSchema.deletedField, "\(table.name)")
            #expect(table.column(SyncSchema.deletedField)?.defaultValue == .integer(0), "\(table.name)")
            #expect(!table.catalogueColumns.contains { $0.name == "id" }, "\(table.name): id is the row key, not a column")
            #expect(Set(table.catalogueColumns.map(\.name)).count == table.catalogueColumns.count, "\(table.name): a column twice")
            #expect(table.sortedColumns == table.columns.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            #expect(Set(table.sortedColumns) == Set(table.catalogueColumns.map(\.name)))
        }
    }

    @Test func versionsAreWithinTheCatalogueAndLateColumnsCanBeLeftOut() {
        for table in Self.catalogue.tables.values {
            #expect((SyncCatalogue.firstVersion...Self.catalogue.version).contains(table.since), "\(table.name)")
            for column in table.catalogueColumns {
                #expect((table.since...Self.catalogue.version).contains(column.since), "\(table.name).\(column.name)")
                // A clinic one version behind inserts rows without it: the column must not need a value.
                if column.since > table.since {
                    #expect(column.nullable || column.defaultValue != nil,
                            "\(table.name).\(column.name) arrived later and is NOT NULL without a default")
                }
            }
        }
        let newest = Self.catalogue.tables.values.flatMap { [$0.since] + $0.catalogueColumns.map(\.since) }.max()
        #expect(newest == Self.catalogue.version, "the catalogue's version is its newest column's")
    }

    @Test func defaultsHaveTheirColumnsType() {
        for table in Self.catalogue.tables.values {
            for column in table.catalogueColumns {
                guard let value = column.defaultValue?.value else { continue }
                #expect(table.problem(column: column.name, value: value) == nil, "\(table.name).\(column.name)")
            }
        }
    }

    @Test func codingFieldsReferencesAndIndexesNameColumns() {
        // `place_of_service` is accepted as the long name of the claim's `pos`.
        let aliases: Set<String> = ["place_of_service"]
        for table in Self.catalogue.tables.values {
            if case .only(let fields) = table.codingFields {
                #expect(fields.subtracting(aliases).isSubset(of: Set(table.columns.keys)), "\(table.name)")
            }
            for (column, reference) in table.references {
                #expect(table.columns[column]?.type == .text, "\(table.name).\(column)")
                switch reference {
                case .row(let target, _): #expect(Self.catalogue.tables[target] != nil, "\(table.name).\(column)")
                case .rowOfTableIn(let named): #expect(table.columns[named] != nil, "\(table.name).\(column)")
                }
            }
            for index in table.indexes {
                #expect(!index.columns.isEmpty && index.columns.allSatisfy { table.columns[$0] != nil }, "\(index.name)")
                #expect(index.name.hasPrefix(table.name + "_"), "\(index.name)")
            }
        }
    }

    @Test func theConflictRecordsColumnsAreTheCatalogues() throws {
        let record = ConflictRecord(kind: .concurrentEdit, table: "claim", row: "r1", owner: "clinic-a", field: "notes",
                                    winner: .init(value: .text("a"), version: Version(hlc: HLC(millis: 2), site: "s", seq: 1)),
                                    loser: .init(value: .text("b"), version: Version(hlc: HLC(millis: 1), site: "t", seq: 1)))
        let table = try #require(Self.catalogue.tables[SyncSchema.conflictTable])
        #expect(Set(record.rowValues.keys) == Set(table.columns.keys))
        for (column, value) in record.rowValues {
            #expect(table.problem(column: column, value: value) == nil, "\(column)")
        }
        typealias C = ConflictRecord.Column
        let named = [C.owner, C.kind, C.table, C.row, C.field, C.winnerValue, C.winnerVersion, C.loserValue,
                     C.loserVersion, C.message, C.status, C.resolution]
        #expect(Set(named).union([SyncSchema.deletedField]) == Set(table.columns.keys))
    }

    struct PolicyCase: Sendable, CustomTestStringConvertible {
        let table: String, field: String, policy: MergePolicy, coding: Bool
        var testDescription: String { "\(table).\(field)" }
    }

    static let policyCases: [PolicyCase] = [
        .init(table: "claim", field: "lifecycle", policy: .maximum, coding: false),
        .init(table: "claim", field: "notes", policy: .lastWriterWins, coding: false),
        .init(table: "claim", field: "diagnoses", policy: .lastWriterWins, coding: true),
        .init(table: "claim", field: "pos", policy: .lastWriterWins, coding: true),
        .init(table: "claim", field: "place_of_service", policy: .lastWriterWins, coding: true),
        .init(table: "claim", field: "total_charge_cents", policy: .lastWriterWins, coding: true),
        .init(table: "claim", field: "deleted", policy: .lastWriterWins, coding: false),
        .init(table: "service_line", field: "units", policy: .lastWriterWins, coding: true),
        .init(table: "service_line", field: "*", policy: .lastWriterWins, coding: true),
        .init(table: "service_line", field: "deleted", policy: .lastWriterWins, coding: true),
        .init(table: "conflict", field: "status", policy: .maximum, coding: false),
        .init(table: "conflict", field: "resolution", policy: .silentLastWriterWins, coding: false),
        .init(table: "conflict", field: "*", policy: .silentLastWriterWins, coding: false),
        .init(table: "patient", field: "last_name", policy: .lastWriterWins, coding: false),
        .init(table: "no_such_table", field: "x", policy: .lastWriterWins, coding: false),
    ]

    @Test(arguments: policyCases) func mergeNamesComeFromTheCatalogue(_ c: PolicyCase) {
        #expect(MergePolicy.for(table: c.table, field: c.field) == c.policy)
        #expect(SyncSchema.isCodingChange(table: c.table, field: c.field) == c.coding)
    }

    @Test func syncSchemaKeepsItsCodingFields() {
        #expect(SyncSchema.claimCodingFields == ["diagnoses", "pos", "place_of_service", "total_charge_cents"])
        #expect(SyncedTable.all.count == 6)
        #expect(SyncedTable.all["claim"]?.clinicWritable == true)
    }
}
