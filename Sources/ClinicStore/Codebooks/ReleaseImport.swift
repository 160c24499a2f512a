import BillingModel

/// What to call a release being imported and when it is in force.
public struct ReleaseImport: Sendable {
    /// The code system of the file; picks its parser (CMS order file, CSV list, NCCI or MUE).
    public var system: CodeSystem
    /// The release name (`--release`), unique within the system; letters, digits, `-`, `_`.
    public var name: String
    /// First date of service the release applies to (`--effective`).
    public var effectiveFrom: CalendarDate
    /// `nil`: in force until a later release of the same system takes over.
    public var effectiveTo: CalendarDate?
    /// The file name shown in messages and kept with the release.
    public var sourceName: String
    /// `nil` picks the store's default: `central` on the central store, `local` at a clinic.
    public var origin: CodeRelease.Origin?
    /// How the release takes its place among the releases of its system held here.
    public var ordering: Ordering

    /// How an imported release takes its place in its system's timeline (DESIGN §13).
    public enum Ordering: Sendable {
        /// ``BillingModel/ReleaseSchedule/appending(_:to:system:)``: after every release held,
        /// overlaps and out-of-order releases refused; the previous release ends the day before.
        case checked
        /// ``BillingModel/ReleaseSchedule/fitting(_:into:)``: never refused (shipped files and
        /// releases from the central office); an open-ended release ends before the next one.
        case fitted
    }

    /// Describes an import; `effectiveTo`, `origin` and `ordering` default to open-ended, the
    /// store's default and ``Ordering/checked``.
    public init(system: CodeSystem, name: String, effectiveFrom: CalendarDate, effectiveTo: CalendarDate? = nil,
                sourceName: String, origin: CodeRelease.Origin? = nil, ordering: Ordering = .checked) {
        self.system = system
        self.name = name
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.sourceName = sourceName
        self.origin = origin
        self.ordering = ordering
    }
}

/// Reports import progress: rows written so far and rows in all.
public typealias ImportProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// The parsed content of a release file, ready to write.
enum ReleaseContent: Sendable {
    case codes([CodeEntry])
    case ncci([NCCIEdit])
    case mue([MUELimit])

    var count: Int {
        switch self {
        case .codes(let rows): return rows.count
        case .ncci(let rows): return rows.count
        case .mue(let rows): return rows.count
        }
    }

    /// Parses a file of `system` with the matching CMS or CSV layout.
    static func parse(_ bytes: [UInt8], system: CodeSystem) throws -> ReleaseContent {
        switch system {
        case .icd10cm:
            return .codes(looksLikeOrderFile(bytes) ? try ICD10OrderFile.parse(bytes)
                                                    : try CodeListFile.parse(bytes, system: system))
        case .cpt, .hcpcs, .modifier, .pos: return .codes(try CodeListFile.parse(bytes, system: system))
        case .ncciPTP: return .ncci(try NCCIPTPFile.parse(bytes))
        case .mue: return .mue(try MUEFile.parse(bytes))
        }
    }

    /// The order file starts with a five-digit order number and a space.
    private static func looksLikeOrderFile(_ bytes: [UInt8]) -> Bool {
        bytes.count > 6 && bytes.prefix(5).allSatisfy { $0 >= 48 && $0 <= 57 } && bytes[5] == 0x20
    }
}
