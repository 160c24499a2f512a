import BillingModel

/// The claim fields `claim set CLAIM FIELD VALUE` may change, and how each is checked.
public enum ClaimField: String, CaseIterable, Sendable {
    case notes
    case pos
    case frequency
    case payerClaimNumber = "payer_claim_number"
    case diagnoses
    case billingNPI = "billing_npi"
    case renderingNPI = "rendering_npi"
    case payer
    case status

    /// Whether changing this field changes what is billed (frozen once submitted).
    public var isCoding: Bool {
        switch self {
        case .pos, .diagnoses, .billingNPI, .renderingNPI: return true
        default: return false
        }
    }

    /// The field names, for help text and error messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Entry checks shared by claim and line edits: format only; meaning is the scrubber's job.
enum ClaimEntryCheck {
    static func diagnoses(_ raw: [String]) throws -> [String] {
        let codes = raw.flatMap { $0.split(separator: ",") }.map { DiagnosisCode.normalize(String($0)) }.filter { !$0.isEmpty }
        guard codes.count <= 12 else {
            throw StoreError.invalid(entity: "claim", field: "diagnoses", reason: "at most 12 diagnoses fit on a claim")
        }
        for code in codes where !DiagnosisCode.hasValidFormat(code) {
            throw StoreError.invalid(entity: "claim", field: "diagnoses", reason: "'\(code)' is not an ICD-10-CM code")
        }
        return codes
    }

    static func npi(_ raw: String, field: String) throws -> String {
        let npi = raw.trimmingSpaces
        guard npi.utf8.count == 10, npi.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw StoreError.invalid(entity: "claim", field: field, reason: "'\(npi)' is not a 10-digit NPI")
        }
        return npi
    }

    static func pos(_ raw: String, entity: String) throws -> String {
        guard ShortCode.isPlaceOfService(raw) else {
            throw StoreError.invalid(entity: entity, field: "pos", reason: "'\(raw)' is not a two-digit place of service")
        }
        return raw
    }

    static func procedure(_ raw: String) throws -> String {
        let code = ProcedureCode.normalize(raw)
        guard ProcedureCodeKind(code: code) != nil else {
            throw StoreError.invalid(entity: "service line", field: "code", reason: "'\(code)' is not a CPT or HCPCS code")
        }
        return code
    }

    static func modifiers(_ raw: [String]) throws -> [String] {
        let codes = raw.flatMap { $0.split(separator: ",") }.map { ProcedureCode.normalize(String($0)) }
        guard codes.count <= 4 else {
            throw StoreError.invalid(entity: "service line", field: "modifiers", reason: "at most 4 modifiers fit on a line")
        }
        for code in codes where !ShortCode.isModifier(code) {
            throw StoreError.invalid(entity: "service line", field: "modifiers", reason: "'\(code)' is not a two-character modifier")
        }
        return codes
    }

    static func pointers(_ raw: [Int]) throws -> [Int] {
        guard (1...4).contains(raw.count), raw.allSatisfy({ (1...12).contains($0) }) else {
            throw StoreError.invalid(entity: "service line", field: "dx_pointers",
                                     reason: "give 1–4 diagnosis pointers, each 1–12")
        }
        return raw
    }
}
