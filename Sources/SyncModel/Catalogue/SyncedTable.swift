/// A table whose rows travel between replicas, as the catalogue declares it: its columns
/// (type, nullability, default, the wire version each arrived in), who may write it, its
/// coding fields, merge policy and indexes. Drives validation of incoming changes (unknown
/// tables and fields, wrong types), the merge and the apply path; the tests check each
/// backend's schema, the capture triggers, the records and the wire schemas against it.
public struct SyncedTable: Sendable {
    /// The type a column's values must have.
    public enum ColumnType: Hashable, Sendable {
        case text, integer
        /// Any scalar: a conflict record keeps both sides of a field, whatever its type.
        case any
    }

    /// Who may write rows of a table.
    public enum Writer: Hashable, Sendable {
        /// The clinics (their pushes carry rows of it).
        case clinic
        /// The central office.
        case central
    }

    /// Which fields of a table are coding fields: they change what the payer is billed, and
    /// freeze once a claim is submitted (DESIGN §5 rule 4).
    public enum CodingFields: Hashable, Sendable {
        /// None.
        case none
        /// Every field, the row insert `*` and the tombstone included (a service line).
        case all
        /// These fields.
        case only(Set<String>)

        /// Whether `field` is one of them.
        public func contains(_ field: String) -> Bool {
            switch self {
            case .none: false
            case .all: true
            case .only(let fields): fields.contains(field)
            }
        }
    }

    /// The SQLite table name, as changes name it on the wire (`claim`, `service_line` ...).
    public let name: String
    /// Every column but `id` (the row key), `owner` first and `deleted` last, as declared.
    public let catalogueColumns: [SyncedColumn]
    /// Column name → (type, whether NULL is allowed). `id` is not listed: it is the row key.
    public let columns: [String: (type: ColumnType, nullable: Bool)]
    /// Who may write its rows.
    public let writers: Set<Writer>
    /// Whether clinics may push rows of this table (central-only data is refused).
    public let clinicWritable: Bool
    /// Its coding fields.
    public let codingFields: CodingFields
    /// The merge policy of its fields, unless a column says otherwise.
    public let mergePolicy: MergePolicy
    /// Its indexes besides the primary key.
    public let indexes: [SyncedIndex]
    /// The wire schema version the table arrived in.
    public let since: Int
    /// The column names in UTF-8 byte order: the key order of a row's values in JSON.
    public let sortedColumns: [String]
    private let columnsByName: [String: SyncedColumn]
    private let policies: [String: MergePolicy]

    /// A table from its declared columns; `owner` (first) and `deleted` (last) are added.
    public init(name: String, columns declared: [SyncedColumn], writers: Set<Writer> = [.clinic, .central],
                codingFields: CodingFields = .none, mergePolicy: MergePolicy = .lastWriterWins,
                indexes: [SyncedIndex] = [], since: Int = 1) {
        let all = [SyncedColumn("owner", .text, since: since)] + declared
            + [SyncedColumn(SyncSchema.deletedField, .integer, default: .integer(0), since: since)]
        self.name = name
        catalogueColumns = all
        columnsByName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
        columns = columnsByName.mapValues { ($0.type, $0.nullable) }
        policies = columnsByName.compactMapValues(\.merge)
        self.writers = writers
        clinicWritable = writers.contains(.clinic)
        self.codingFields = codingFields
        self.mergePolicy = mergePolicy
        self.indexes = indexes
        self.since = since
        sortedColumns = all.map(\.name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every synced table of this build's catalogue (``SyncCatalogue/current``).
    public static let all: [String: SyncedTable] = SyncCatalogue.current.tables

    /// The declared column `name`, `nil` when the table has none.
    public func column(_ name: String) -> SyncedColumn? { columnsByName[name] }

    /// The merge policy of `field` (a row insert `*` takes the table's).
    public func policy(of field: String) -> MergePolicy { policies[field] ?? mergePolicy }

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
