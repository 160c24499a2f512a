/// The claim scrubber's rules (DESIGN §9). The raw value is the stable rule id that
/// findings, the CLI and scripts carry; never rename one.
public enum ScrubRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// Error: a claim needs 1 to 12 diagnoses.
    case diagnosisCount = "DX_COUNT"
    /// Error: a diagnosis is listed twice.
    case diagnosisDuplicate = "DX_DUPLICATE"
    /// Error: a diagnosis has no ICD-10-CM format, or is not in the release in force on a
    /// date of service.
    case diagnosisUnknown = "DX_UNKNOWN"
    /// Error: a diagnosis an earlier ICD-10-CM release listed was deleted by a release in
    /// force on a date of service; the message names that release and the day it took effect.
    case diagnosisDeleted = "DX_DELETED"
    /// Warning: the claim's lines fall under two or more ICD-10-CM releases (its dates of
    /// service straddle a release's start); the message suggests one claim per release.
    case diagnosisReleaseSplit = "DX_RELEASE_SPLIT"
    /// Error: a diagnosis is a category header (such as `E11`), not a billable leaf code.
    case diagnosisNotBillable = "DX_NOT_BILLABLE"
    /// Error: a claim needs 1 to 50 service lines.
    case lineCount = "LINE_COUNT"
    /// Error: a line needs 1 to 4 diagnosis pointers.
    case pointerCount = "PTR_COUNT"
    /// Error: a line points at the same diagnosis twice.
    case pointerDuplicate = "PTR_DUPLICATE"
    /// Error: a pointer names a diagnosis position the claim does not have.
    case pointerUnknownDiagnosis = "PTR_UNKNOWN_DX"
    /// Error: a line has more than 4 modifiers.
    case modifierCount = "MOD_COUNT"
    /// Error: a line repeats a modifier.
    case modifierDuplicate = "MOD_DUPLICATE"
    /// Error: a modifier has no modifier format, or is not in the release in force.
    case modifierUnknown = "MOD_UNKNOWN"
    /// Error: contradictory modifiers on one line (LT+RT, 26+TC, 59 with XE/XS/XP/XU).
    case modifierConflict = "MOD_CONFLICT"
    /// Error: modifier 25 on a code that is not evaluation and management (99202–99499).
    case modifier25NotEvaluationAndManagement = "MOD_25_NOT_EM"
    /// Error: the procedure code has no CPT/HCPCS format, or is not in the release in force
    /// on the line's date.
    case procedureUnknown = "PROC_UNKNOWN"
    /// Error: a procedure code an earlier CPT or HCPCS release listed was deleted by the
    /// release in force on the line's date; the message names that release and its date.
    case procedureDeleted = "PROC_DELETED"
    /// Error: units must be more than zero.
    case units = "UNITS"
    /// Error: the charge must be more than zero (a CPT Category II code or a quality-reporting
    /// HCPCS G-code may be zero).
    case charge = "CHARGE"
    /// Error: the stored claim total differs from the sum of the line charges.
    case totalMismatch = "TOTAL_MISMATCH"
    /// Error: a place of service (claim or line override) has no POS format, or is not in
    /// the release in force.
    case placeOfServiceUnknown = "POS_UNKNOWN"
    /// Warning: a telehealth place of service (02, 10) without a telehealth modifier
    /// (95, 93, GT), or such a modifier on another place of service. Payers differ
    /// (Medicare accepts 95 with POS 11 for some services), so this does not block.
    case telehealth = "TELEHEALTH"
    /// Error: a billing or rendering NPI is not 10 digits or fails its check digit.
    case npiInvalid = "NPI_INVALID"
    /// Error: a line's last date of service is before its first.
    case dateOfServiceInvalid = "DOS_INVALID"
    /// Error: a date of service is after today.
    case dateOfServiceFuture = "DOS_FUTURE"
    /// Error: a replacement (7) or void (8) claim lacks the payer's claim control number.
    case frequencyNeedsPayerClaimNumber = "FREQ_NEEDS_PAYER_NUMBER"
    /// Error: an NCCI procedure-to-procedure edit denies the column-2 line: indicator 0
    /// always, indicator 1 unless the line has an NCCI-associated modifier.
    case ncciProcedureToProcedure = "NCCI_PTP"
    /// Error: units exceed the MUE limit, per line (indicator 1) or summed over the date of
    /// service (indicators 2 and 3).
    case medicallyUnlikelyEdit = "MUE"
    /// Warning: no release of a system is in force on a date of service, so those codes
    /// were only checked for format. Reported once per system.
    case noRelease = "NO_RELEASE"

    /// The stable id, e.g. `DX_NOT_BILLABLE`.
    public var id: String { rawValue }

    /// How serious a finding of this rule is.
    public var severity: ScrubFinding.Severity {
        switch self {
        case .telehealth, .noRelease, .diagnosisReleaseSplit: return .warning
        default: return .error
        }
    }
}
