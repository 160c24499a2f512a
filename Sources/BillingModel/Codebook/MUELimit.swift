/// One Medically Unlikely Edit: the most units of a procedure code billed for one patient
/// by one provider, per line or per date of service.
public struct MUELimit: Hashable, Sendable, Codable {
    /// The MUE adjudication indicator: how the limit is counted.
    public enum Indicator: Int, Hashable, Sendable, Codable, CaseIterable {
        /// 1 `Line Edit`: the units on each claim line are limited separately.
        case line = 1
        /// 2 `Date of Service Edit: Policy`: the units of the code on one date are summed.
        case dateOfServicePolicy = 2
        /// 3 `Date of Service Edit: Clinical`: the units of the code on one date are summed.
        case dateOfServiceClinical = 3

        /// Whether units are summed over all lines on the same date (indicators 2 and 3).
        public var sumsOverDateOfService: Bool { self != .line }

        /// The text the CMS file writes for the indicator, e.g. `2 Date of Service Edit: Policy`.
        public var fileText: String {
            switch self {
            case .line: return "1 Line Edit"
            case .dateOfServicePolicy: return "2 Date of Service Edit: Policy"
            case .dateOfServiceClinical: return "3 Date of Service Edit: Clinical"
            }
        }

        /// Parses the file's text (``fileText``, any letter case and spacing) or the bare digit.
        public init?(fileText text: String) {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased()
            guard let match = Self.allCases.first(where: {
                words == $0.fileText.lowercased() || words == String($0.rawValue)
            }) else { return nil }
            self = match
        }
    }

    /// The procedure code the limit applies to.
    public var code: String
    /// The most units allowed (0 means the code is not payable at all).
    public var maxUnits: Int
    /// Whether the limit counts one line or the whole date of service.
    public var indicator: Indicator
    /// CMS's reason, e.g. `Anatomic Consideration`, `Clinical Data`.
    public var rationale: String

    /// Creates a limit from parsed parts.
    public init(code: String, maxUnits: Int, indicator: Indicator, rationale: String) {
        self.code = code
        self.maxUnits = maxUnits
        self.indicator = indicator
        self.rationale = rationale
    }
}
