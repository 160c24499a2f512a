/// The synced tables of one wire schema version, declared once (DESIGN §1 "One source of
/// truth"): both backends' DDL, the capture triggers, the records, the wire schemas, the
/// screen and the merge are checked against it or derived from it.
///
/// A column added later is one edit here (with its `since` version) plus one migration per
/// backend; the tests that compare each migrated schema with this catalogue fail until both
/// migrations exist.
public struct SyncCatalogue: Sendable {
    /// The wire schema version this catalogue describes (the newest `since` of its tables and columns).
    public let version: Int
    /// Table name → table.
    public let tables: [String: SyncedTable]

    /// A catalogue of `tables` at `version`.
    public init(version: Int, tables: [SyncedTable]) {
        self.version = version
        self.tables = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
    }

    /// This build's catalogue.
    public static let current = SyncCatalogue(version: 1, tables: [
        SyncedTable(name: "patient", columns: [
            .init("first_name", .text), .init("last_name", .text), .init("dob", .text), .init("sex", .text),
            .init("member_id", .text), .init("address", .text, nullable: true), .init("city", .text, nullable: true),
            .init("state", .text, nullable: true), .init("zip", .text, nullable: true),
            .init("subscriber_id", .text, nullable: true), .init("relationship", .text, nullable: true),
        ]),
        SyncedTable(name: "provider", columns: [
            .init("npi", .text), .init("name", .text), .init("taxonomy", .text, nullable: true),
            .init("tax_id", .text, nullable: true), .init("address", .text, nullable: true),
            .init("city", .text, nullable: true), .init("state", .text, nullable: true), .init("zip", .text, nullable: true),
        ], indexes: [
            // The clinic finds a claim's billing provider by NPI; the central node never does.
            SyncedIndex("provider_npi", on: ["npi"], backends: [.sqlite]),
        ]),
        SyncedTable(name: "payer", columns: [
            .init("payer_id", .text), .init("name", .text), .init("filing_indicator", .text, default: .text("CI")),
        ]),
        SyncedTable(name: SyncSchema.claimTable, columns: [
            .init("claim_number", .text), .init("patient_id", .text), .init("payer_id", .text),
            .init("billing_npi", .text), .init("rendering_npi", .text, nullable: true),
            .init("pos", .text, default: .text("11")), .init("diagnoses", .text, default: .text("")),
            .init("frequency", .text, default: .text("1")), .init("payer_claim_number", .text, nullable: true),
            .init(SyncSchema.lifecycleField, .integer, default: .integer(16), merge: .maximum),
            .init("total_charge_cents", .integer, default: .integer(0)), .init("notes", .text, default: .text("")),
            .init("original_claim_id", .text, nullable: true),
        ], codingFields: .only(["diagnoses", "pos", "place_of_service", "total_charge_cents"])),
        SyncedTable(name: SyncSchema.serviceLineTable, columns: [
            .init(SyncSchema.claimIDField, .text), .init("line_number", .integer), .init("procedure_code", .text),
            .init("modifiers", .text, default: .text("")), .init("units", .integer), .init("charge_cents", .integer),
            .init("service_date", .text), .init("service_date_to", .text, nullable: true), .init("dx_pointers", .text),
            .init("pos", .text, nullable: true),
        ], codingFields: .all, indexes: [SyncedIndex("service_line_claim", on: [SyncSchema.claimIDField])]),
        SyncedTable(name: SyncSchema.conflictTable, columns: [
            .init("kind", .text), .init("tbl", .text), .init("row_id", .text), .init("field", .text),
            .init("winner_value", .any, nullable: true), .init("winner_version", .text),
            .init("loser_value", .any, nullable: true), .init("loser_version", .text), .init("message", .text),
            .init(SyncSchema.conflictStatusField, .integer, default: .integer(0), merge: .maximum),
            .init("resolution", .text, nullable: true),
        ], mergePolicy: .silentLastWriterWins, indexes: [SyncedIndex("conflict_row", on: ["row_id"])]),
    ])
}
