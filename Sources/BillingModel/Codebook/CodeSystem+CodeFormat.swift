/// Code spelling and format rules per system, as the importers and the scrubber apply them.
extension CodeSystem {
    /// How messages name the system's codes: `ICD-10-CM`, `CPT`, `HCPCS Level II`,
    /// `modifier`, `place-of-service`; NCCI and MUE files hold `CPT or HCPCS` codes.
    public var readableName: String {
        switch self {
        case .icd10cm: return "ICD-10-CM"
        case .cpt: return "CPT"
        case .hcpcs: return "HCPCS Level II"
        case .modifier: return "modifier"
        case .pos: return "place-of-service"
        case .ncciPTP, .mue: return "CPT or HCPCS"
        }
    }

    /// Normalizes a code as a file or a person writes it: upper case, no surrounding
    /// spaces, and for ICD-10-CM no dot (`e11.65` → `E1165`).
    public func normalizedCode(_ raw: String) -> String {
        switch self {
        case .icd10cm: return DiagnosisCode.normalize(raw)
        default: return ProcedureCode.normalize(raw)
        }
    }

    /// Whether a normalized code has this system's format (DESIGN §2). For NCCI and MUE,
    /// whether it is any CPT or HCPCS procedure code.
    public func hasValidCodeFormat(_ code: String) -> Bool {
        switch self {
        case .icd10cm: return DiagnosisCode.hasValidFormat(code)
        case .cpt: return ProcedureCodeKind(code: code)?.system == .cpt
        case .hcpcs: return ProcedureCodeKind(code: code) == .hcpcsLevelII
        case .modifier: return ShortCode.isModifier(code)
        case .pos: return ShortCode.isPlaceOfService(code)
        case .ncciPTP, .mue: return ProcedureCodeKind(code: code) != nil
        }
    }
}
