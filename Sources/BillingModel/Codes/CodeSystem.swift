/// A code system a release belongs to.
///
/// The raw value is the name used in the store and on the wire (`ICD10CM`, `NCCI_PTP` ...);
/// ``cliName`` is the lower-case spelling the command line takes (`icd10cm`, `ncci-ptp` ...).
public enum CodeSystem: String, Codable, Sendable, CaseIterable, Comparable {
    case icd10cm = "ICD10CM"
    case cpt = "CPT"
    case hcpcs = "HCPCS"
    case modifier = "MODIFIER"
    case pos = "POS"
    case ncciPTP = "NCCI_PTP"
    case mue = "MUE"

    /// The spelling used by `clinicsync codes import --system`.
    public var cliName: String {
        switch self {
        case .ncciPTP: return "ncci-ptp"
        default: return rawValue.lowercased()
        }
    }

    /// Parses either the wire name (`NCCI_PTP`) or the command-line name (`ncci-ptp`).
    public init?(name: String) {
        let wanted = name.uppercased().replacingOccurrences(of: "-", with: "_")
        guard let system = CodeSystem(rawValue: wanted) else { return nil }
        self = system
    }

    /// Whether releases of this system hold searchable codes with descriptions
    /// (NCCI and MUE hold edit tables instead).
    public var hasCodeList: Bool { self != .ncciPTP && self != .mue }

    /// Systems whose codes go in a service line's procedure field.
    public var isProcedureSystem: Bool { self == .cpt || self == .hcpcs }

    public static func < (lhs: CodeSystem, rhs: CodeSystem) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
