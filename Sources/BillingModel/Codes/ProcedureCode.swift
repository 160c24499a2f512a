import Foundation

/// The shape of a procedure code (DESIGN §2), decided by format alone.
///
/// A format check is only the first filter: membership in the release in force on the
/// date of service is the real test.
public enum ProcedureCodeKind: String, Codable, Sendable, Equatable {
    /// CPT Category I, `^\d{5}$`.
    case cptCategoryI
    /// CPT vaccine administration, `^\d{4}A$`.
    case cptVaccine
    /// CPT proprietary laboratory analyses, `^\d{4}U$`.
    case cptLabAnalysis
    /// CPT multianalyte assays with algorithmic analyses, `^\d{4}M$`.
    case cptMultianalyte
    /// CPT Category II performance measures, `^\d{4}F$` (may be billed at zero charge).
    case cptCategoryII
    /// CPT Category III emerging technology, `^\d{4}T$`.
    case cptCategoryIII
    /// HCPCS Level II, `^[A-V]\d{4}$`.
    case hcpcsLevelII

    /// Classifies a normalized (upper-case, no spaces) code, or returns `nil` when the
    /// code has no procedure format at all.
    public init?(code: String) {
        let chars = Array(code.utf8)
        guard chars.count == 5 else { return nil }
        let digits = chars.prefix(4).allSatisfy(Self.isDigit)
        let last = chars[4]
        if digits && Self.isDigit(last) {
            self = .cptCategoryI
        } else if digits {
            switch last {
            case UInt8(ascii: "A"): self = .cptVaccine
            case UInt8(ascii: "U"): self = .cptLabAnalysis
            case UInt8(ascii: "M"): self = .cptMultianalyte
            case UInt8(ascii: "F"): self = .cptCategoryII
            case UInt8(ascii: "T"): self = .cptCategoryIII
            default: return nil
            }
        } else if chars[0] >= UInt8(ascii: "A"), chars[0] <= UInt8(ascii: "V"),
                  chars.dropFirst().allSatisfy(Self.isDigit) {
            self = .hcpcsLevelII
        } else {
            return nil
        }
    }

    /// The code system a code of this shape belongs to.
    public var system: CodeSystem { self == .hcpcsLevelII ? .hcpcs : .cpt }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}

/// Helpers for procedure codes as strings.
public enum ProcedureCode {
    /// Upper-cases and trims a code typed by a person.
    public static func normalize(_ raw: String) -> String {
        raw.trimmingSpaces.uppercased()
    }

    /// Whether the code only reports quality data and may be billed at 0.00: a CPT Category II
    /// performance measure (`^\d{4}F$`) or a HCPCS quality data G-code (G8000–G9999).
    public static func isQualityReporting(_ code: String) -> Bool {
        switch ProcedureCodeKind(code: code) {
        case .cptCategoryII: return true
        case .hcpcsLevelII: return code.hasPrefix("G8") || code.hasPrefix("G9")
        default: return false
        }
    }

    /// Whether the code is an evaluation and management code (99202–99499), which lists
    /// show first, as coders expect from the printed codebook.
    public static func isEvaluationAndManagement(_ code: String) -> Bool {
        guard code.utf8.count == 5, let value = Int(code) else { return false }
        return (99202...99499).contains(value)
    }
}
