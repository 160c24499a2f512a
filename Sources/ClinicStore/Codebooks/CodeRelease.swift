import BillingModel
import GRDB

/// A named, dated release of one code system (DESIGN §2).
public struct CodeRelease: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "code_release"

    /// Column names for queries.
    public enum Columns {
        public static let system = Column("system")
        public static let name = Column("name")
        public static let effectiveFrom = Column("effective_from")
    }

    /// Where a release came from: published by the central office, or imported at this store only.
    public enum Origin: String, Codable, Sendable {
        case central
        case local
    }

    public var id: String
    public var system: CodeSystem
    public var name: String
    /// First date of service the release applies to (`YYYY-MM-DD`).
    public var effectiveFrom: String
    /// Last date it applies to; `nil` means until a later release of the system takes over.
    public var effectiveTo: String?
    /// SHA-256 of the source file, hex.
    public var sha256: String
    public var sourceFile: String
    public var origin: Origin
    public var entryCount: Int
    public var importedAt: Int64

    /// Snake-case keys, the same in the database and on the wire.
    enum CodingKeys: String, CodingKey {
        case id, system, name, sha256, origin
        case effectiveFrom = "effective_from", effectiveTo = "effective_to", sourceFile = "source_file"
        case entryCount = "entry_count", importedAt = "imported_at"
    }
}
