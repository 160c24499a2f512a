/// Why a new release touches an open claim (DESIGN §13): a code it deletes is used on or
/// after its start, or the claim's dates of service fall on both sides of its start.
///
/// Pure: ``assess(_:release:system:deleted:)`` looks only at the claim and the release.
public struct ReleaseImpact: Hashable, Sendable, Codable {
    /// What kind of trouble the release makes for the claim.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A code the release deletes, used on a date the release governs.
        case deletedCode = "deleted_code"
        /// Dates of service before and on or after the release's start.
        case straddles
    }

    /// The kind of trouble.
    public var kind: Kind
    /// The deleted code (normalized), for ``Kind/deletedCode``.
    public var code: String?
    /// The line concerned; `nil` for the claim's diagnoses, place of service and for ``Kind/straddles``.
    public var lineNumber: Int?
    /// What it means for the coder, one sentence.
    public var message: String

    /// An impact as given.
    public init(kind: Kind, code: String? = nil, lineNumber: Int? = nil, message: String) {
        self.kind = kind
        self.code = code
        self.lineNumber = lineNumber
        self.message = message
    }

    /// Every way `release`, a release of `system` that deletes the codes in `deleted`, touches
    /// `claim`, in claim order (diagnoses, then lines, then the straddle); empty when it does not.
    /// A code deleted matters only on lines whose dates reach into the release's period.
    public static func assess(_ claim: Claim, release: ReleasePeriod, system: CodeSystem,
                              deleted: Set<String>) -> [ReleaseImpact] {
        var impacts: [ReleaseImpact] = []
        let governed = claim.lines.filter { line in
            let last = line.serviceDateTo ?? line.serviceDate
            return last >= release.effectiveFrom && release.effectiveTo.map { line.serviceDate <= $0 } ?? true
        }
        func deletedCode(_ code: String, line: Int?, _ what: String) {
            impacts.append(ReleaseImpact(kind: .deletedCode, code: code, lineNumber: line, message:
                "\(what) is deleted by \(release.name) from \(release.effectiveFrom); choose a current code."))
        }
        if !deleted.isEmpty, !governed.isEmpty {
            switch system {
            case .icd10cm:
                for (index, code) in claim.diagnoses.enumerated() where deleted.contains(code) {
                    deletedCode(code, line: nil, "Diagnosis \(index + 1) (\(DiagnosisCode.display(code)))")
                }
            case .pos where deleted.contains(claim.placeOfService):
                deletedCode(claim.placeOfService, line: nil, "The claim's place of service \(claim.placeOfService)")
            default:
                break
            }
            for line in governed {
                switch system {
                case .cpt, .hcpcs:
                    if deleted.contains(line.procedureCode) {
                        deletedCode(line.procedureCode, line: line.lineNumber,
                                    "Procedure code \(line.procedureCode) on line \(line.lineNumber)")
                    }
                case .modifier:
                    for modifier in line.modifiers where deleted.contains(modifier) {
                        deletedCode(modifier, line: line.lineNumber, "Modifier \(modifier) on line \(line.lineNumber)")
                    }
                case .pos:
                    if let place = line.placeOfService, deleted.contains(place) {
                        deletedCode(place, line: line.lineNumber, "The place of service \(place) on line \(line.lineNumber)")
                    }
                default:
                    break
                }
            }
        }
        let first = claim.lines.map(\.serviceDate).min()
        let last = claim.lines.map { $0.serviceDateTo ?? $0.serviceDate }.max()
        if let first, let last, first < release.effectiveFrom, last >= release.effectiveFrom {
            impacts.append(ReleaseImpact(kind: .straddles, message:
                "Its dates of service (\(first) to \(last)) straddle \(release.effectiveFrom), when \(release.name) starts: "
                    + "split it into one claim per release."))
        }
        return impacts
    }

    enum CodingKeys: String, CodingKey {
        case kind, code, message
        case lineNumber = "line_number"
    }
}
