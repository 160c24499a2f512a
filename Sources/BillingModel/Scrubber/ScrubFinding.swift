/// One problem the scrubber found on a claim.
///
/// Messages are plain English and name codes, lines and dates, never the patient.
public struct ScrubFinding: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Whether a finding blocks submission.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// Blocks submission.
        case error
        /// Worth a look; does not block.
        case warning

        /// Errors sort before warnings.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// The rule that found the problem.
    public var rule: ScrubRule
    /// Usually the rule's ``ScrubRule/severity``.
    public var severity: Severity
    /// The service line concerned, or `nil` for the claim as a whole.
    public var lineNumber: Int?
    /// What is wrong and, where it helps, what to do; plain English, no patient data.
    public var message: String

    /// Creates a finding; the severity defaults to the rule's.
    public init(rule: ScrubRule, severity: Severity? = nil, lineNumber: Int? = nil, message: String) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.lineNumber = lineNumber
        self.message = message
    }

    /// The rule's stable id, e.g. `MOD_CONFLICT`.
    public var ruleID: String { rule.rawValue }

    /// `line 2: error MOD_CONFLICT: Modifiers LT and RT ...`, or `claim: ...`.
    public var description: String {
        (lineNumber.map { "line \($0)" } ?? "claim") + ": \(severity.rawValue) \(ruleID): \(message)"
    }

    enum CodingKeys: String, CodingKey {
        case rule = "rule_id"
        case severity
        case lineNumber = "line_number"
        case message
    }
}

extension Array where Element == ScrubFinding {
    /// Whether any finding is an error (the claim may not be submitted).
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
