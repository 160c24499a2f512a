import BillingModel
import GRDB
import SyncModel

/// People and payers from a synced row's columns, as any central node holds them (the
/// PostgreSQL node reads them as field values): decoded by the same records the SQLite store
/// reads its rows with, so both build the same values.
public enum OfficeRows {
    /// A patient from its `patient` row. Throws `StoreError.corrupt` for a malformed row.
    public static func patient(id: String, rowValues: [String: FieldValue]) throws -> Patient {
        try record(PatientRecord.self, table: "patient", id: id, rowValues).patient
    }

    /// A payer from its `payer` row. Throws `StoreError.corrupt` for a malformed row.
    public static func payer(id: String, rowValues: [String: FieldValue]) throws -> Payer {
        try record(PayerRecord.self, table: "payer", id: id, rowValues).payer
    }

    /// A provider from its `provider` row. Throws `StoreError.corrupt` for a malformed row.
    public static func provider(id: String, rowValues: [String: FieldValue]) throws -> Provider {
        try record(ProviderRecord.self, table: "provider", id: id, rowValues).provider
    }

    private static func record<Record: FetchableRecord>(_ type: Record.Type, table: String, id: String,
                                                        _ values: [String: FieldValue]) throws -> Record {
        var columns: [String: (any DatabaseValueConvertible)?] = ["id": id]
        for (column, value) in values { columns[column] = value.databaseValue }
        do {
            return try Record(row: Row(columns))
        } catch {
            throw StoreError.corrupt(path: "\(table) \(id)", detail: "a column is missing or malformed")
        }
    }
}
