/// One column of a synced table as the catalogue declares it (DESIGN §1 "One source of truth"):
/// its type, whether NULL is allowed, its default, the wire schema version it arrived in and,
/// when it differs from its table's, its merge policy.
public struct SyncedColumn: Hashable, Sendable {
    /// A column's default, as both backends' DDL spell it.
    public enum Default: Hashable, Sendable {
        /// A text default (`DEFAULT 'CI'`).
        case text(String)
        /// An integer default (`DEFAULT 0`).
        case integer(Int64)

        /// The value a row takes when an insert leaves the column out.
        public var value: FieldValue {
            switch self {
            case .text(let text): .text(text)
            case .integer(let integer): .integer(integer)
            }
        }
    }

    /// The column name, as changes name it on the wire.
    public let name: String
    /// The type its values must have.
    public let type: SyncedTable.ColumnType
    /// Whether NULL is allowed.
    public let nullable: Bool
    /// The default both backends' DDL give it, `nil` for none.
    public let defaultValue: Default?
    /// The wire schema version the column arrived in (1: shipped with the first release). A
    /// clinic at an older version is sent rows without it (DESIGN §4 "Upgrades roll").
    public let since: Int
    /// Its merge policy when it is not its table's (``SyncedTable/mergePolicy``).
    public let merge: MergePolicy?

    /// A column from its parts.
    public init(_ name: String, _ type: SyncedTable.ColumnType, nullable: Bool = false, default defaultValue: Default? = nil,
                since: Int = 1, merge: MergePolicy? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.since = since
        self.merge = merge
    }
}

/// An index of a synced table (besides the primary key).
public struct SyncedIndex: Hashable, Sendable {
    /// A storage backend that creates the index.
    public enum Backend: Hashable, Sendable {
        /// The SQLite store (clinics, and the SQLite central node).
        case sqlite
        /// The PostgreSQL central node.
        case postgres
    }

    /// The index name, the same in every backend.
    public let name: String
    /// The indexed columns, in order.
    public let columns: [String]
    /// The backends that create it (an index for a clinic's own lookups may be SQLite's only).
    public let backends: Set<Backend>

    /// An index from its parts.
    public init(_ name: String, on columns: [String], backends: Set<Backend> = [.sqlite, .postgres]) {
        self.name = name
        self.columns = columns
        self.backends = backends
    }
}
