import BillingModel
import GRDB

/// A named, dated release of one code system (DESIGN §2).
public struct CodeRelease: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The SQLite table of releases; not a synced table (releases travel as bulk release files).
    public static let databaseTableName = "code_release"

    /// Column names for queries.
    public enum Columns {
        /// The code system's wire name (`ICD10CM`, `NCCI_PTP` ...).
        public static let system = Column("system")
        /// The release name, unique within its system.
        public static let name = Column("name")
        /// The first date of service in force, `YYYY-MM-DD` (text, so it sorts as a date).
        public static let effectiveFrom = Column("effective_from")
    }

    /// Where a release came from: published by the central office, or imported at this store only.
    public enum Origin: String, Codable, Sendable {
        case central
        case local
    }

    /// The release's UUID, kept by every store that receives it (so a re-published file is skipped).
    public var id: String
    /// The code system the release holds.
    public var system: CodeSystem
    /// The release name (`ICD10CM-FY2025` ...), unique within its system; letters, digits, `-`, `_`.
    public var name: String
    /// First date of service the release applies to (`YYYY-MM-DD`).
    public var effectiveFrom: String
    /// Last date it applies to; `nil` means until a later release of the system takes over.
    public var effectiveTo: String?
    /// SHA-256 of the source file, hex.
    public var sha256: String
    /// The imported file's name, without folders (e.g. `icd10cm_order_2025.txt.gz`).
    public var sourceFile: String
    /// Central (published to every clinic) or local (this store only, never pushed).
    public var origin: Origin
    /// How many codes, NCCI pairs or MUE limits the release holds.
    public var entryCount: Int
    /// When this store imported or received it, in milliseconds since 1970 (store clock).
    public var importedAt: Int64

    /// Snake-case keys, the same in the database and on the wire.
    enum CodingKeys: String, CodingKey {
        case id, system, name, sha256, origin
        case effectiveFrom = "effective_from", effectiveTo = "effective_to", sourceFile = "source_file"
        case entryCount = "entry_count", importedAt = "imported_at"
    }
}

extension CodeRelease {
    /// The release's name and dates as a ``BillingModel/ReleasePeriod``; `nil` if a date does not parse.
    public var period: ReleasePeriod? {
        guard let from = CalendarDate(effectiveFrom) else { return nil }
        return ReleasePeriod(id: id, name: name, effectiveFrom: from, effectiveTo: effectiveTo.flatMap(CalendarDate.init))
    }
}
