/// A table whose rows travel between replicas, with the columns a change may name and
/// the SQLite type each must hold. Drives validation of incoming changes (unknown tables
/// and fields, wrong types) and the apply path.
public struct SyncedTable: Sendable {
    /// The type a column's values must have.
    public enum ColumnType: Sendable {
        case text, integer
        /// Any scalar: a conflict record keeps both sides of a field, whatever its type.
        case any
    }

    /// The SQLite table name, as changes name it on the wire (`claim`, `service_line` ...).
    public let name: String
    /// Column name → (type, whether NULL is allowed). `id` is not listed: it is the row key.
    public let columns: [String: (type: ColumnType, nullable: Bool)]
    /// Whether clinics may push rows of this table (central-only data is refused).
    public let clinicWritable: Bool
    /// The column names in UTF-8 byte order: the key order of a row's values in JSON.
    public let sortedColumns: [String]

    init(name: String, columns: [String: (type: ColumnType, nullable: Bool)], clinicWritable: Bool) {
        self.name = name
        self.columns = columns
        self.clinicWritable = clinicWritable
        sortedColumns = columns.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every synced table.
    public static let all: [String: SyncedTable] = {
        func table(_ name: String, _ columns: [(String, ColumnType, Bool)], clinicWritable: Bool = true) -> SyncedTable {
            var map: [String: (type: ColumnType, nullable: Bool)] = [:]
            for (column, type, nullable) in columns { map[column] = (type, nullable) }
            map["owner"] = (.text, false)
            map["deleted"] = (.integer, false)
            return SyncedTable(name: name, columns: map, clinicWritable: clinicWritable)
        }
        let tables = [
            table("patient", [("first_name", .text, false), ("last_name", .text, false), ("dob", .text, false),
                              ("sex", .text, false), ("member_id", .text, false), ("address", .text, true),
                              ("city", .text, true), ("state", .text, true), ("zip", .text, true),
                              ("subscriber_id", .text, true), ("relationship", .text, true)]),
            table("provider", [("npi", .text, false), ("name", .text, false), ("taxonomy", .text, true),
                               ("tax_id", .text, true), ("address", .text, true), ("city", .text, true),
                               ("state", .text, true), ("zip", .text, true)]),
            table("payer", [("payer_id", .text, false), ("name", .text, false), ("filing_indicator", .text, false)]),
            table("claim", [("claim_number", .text, false), ("patient_id", .text, false), ("payer_id", .text, false),
                            ("billing_npi", .text, false), ("rendering_npi", .text, true), ("pos", .text, false),
                            ("diagnoses", .text, false), ("frequency", .text, false),
                            ("payer_claim_number", .text, true), ("lifecycle", .integer, false),
                            ("total_charge_cents", .integer, false), ("notes", .text, false),
                            ("original_claim_id", .text, true)]),
            table("service_line", [("claim_id", .text, false), ("line_number", .integer, false),
                                   ("procedure_code", .text, false), ("modifiers", .text, false),
                                   ("units", .integer, false), ("charge_cents", .integer, false),
                                   ("service_date", .text, false), ("service_date_to", .text, true),
                                   ("dx_pointers", .text, false), ("pos", .text, true)]),
            table("conflict", [("kind", .text, false), ("tbl", .text, false), ("row_id", .text, false),
                               ("field", .text, false), ("winner_value", .any, true),
                               ("winner_version", .text, false), ("loser_value", .any, true),
                               ("loser_version", .text, false), ("message", .text, false),
                               ("status", .integer, false), ("resolution", .text, true)]),
        ]
        return Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
    }()

    /// Checks one value against a column; returns why it is refused, or `nil`.
    public func problem(column: String, value: FieldValue) -> String? {
        guard let spec = columns[column] else { return "unknown field \(name).\(column)" }
        return problem(column: column, spec: spec, value: value)
    }

    /// ``problem(column:value:)`` with the column's spec already looked up.
    public func problem(column: String, spec: (type: ColumnType, nullable: Bool), value: FieldValue) -> String? {
        switch (value, spec.type) {
        case (.null, _): return spec.nullable ? nil : "\(name).\(column) must not be null"
        case (.text(let text), .any): return text.utf8.count <= 8192 ? nil : "\(name).\(column) is too long"
        case (_, .any): return nil
        case (.text(let text), .text): return text.utf8.count <= 4096 ? nil : "\(name).\(column) is too long"
        case (.integer, .integer): return nil
        default: return "\(name).\(column) must be \(spec.type == .text ? "text" : "an integer")"
        }
    }
}
