/// One NCCI procedure-to-procedure (PTP) edit: the column-2 code is not billed with the
/// column-1 code on the same date, unless the modifier indicator allows a modifier.
public struct NCCIEdit: Hashable, Sendable, Codable {
    /// Whether an NCCI-associated modifier can bypass the edit (the file's 0/1/9 column).
    public enum ModifierIndicator: Int, Hashable, Sendable, Codable, CaseIterable {
        /// 0: the pair is never billed together; no modifier bypasses the edit.
        case notAllowed = 0
        /// 1: an NCCI-associated modifier on the column-2 line bypasses the edit.
        case allowed = 1
        /// 9: the edit does not apply (typically deleted back to its effective date).
        case notApplicable = 9
    }

    /// The column-1 (comprehensive) procedure code.
    public var column1: String
    /// The column-2 (component) procedure code, the one denied.
    public var column2: String
    /// The first date of service the edit applies to.
    public var effective: CalendarDate
    /// The date the edit stops applying (it no longer applies on this date); `nil` while in force.
    public var deletion: CalendarDate?
    /// Whether a modifier can bypass the edit.
    public var modifierIndicator: ModifierIndicator
    /// CMS's short reason for the edit, e.g. `Standards of medical / surgical services`.
    public var rationale: String

    /// Creates an edit from parsed parts.
    public init(column1: String, column2: String, effective: CalendarDate, deletion: CalendarDate? = nil,
                modifierIndicator: ModifierIndicator, rationale: String) {
        self.column1 = column1
        self.column2 = column2
        self.effective = effective
        self.deletion = deletion
        self.modifierIndicator = modifierIndicator
        self.rationale = rationale
    }

    /// Whether the edit applies to services on `date`: `effective <= date` and, when there
    /// is a deletion date, `date < deletion`.
    public func isInForce(on date: CalendarDate) -> Bool {
        guard effective <= date else { return false }
        guard let deletion else { return true }
        return date < deletion
    }

    /// The NCCI-associated modifiers: one of these on the column-2 line bypasses an edit
    /// whose indicator is ``ModifierIndicator/allowed`` (when the services were distinct).
    public static let associatedModifiers: Set<String> = {
        var modifiers: Set<String> = [
            "59", "XE", "XS", "XP", "XU", "25", "57", "58", "78", "79", "91", "24", "27",
            "FA", "LT", "RT", "LC", "LD", "LM", "RC", "RI", "TA",
        ]
        for digit in 1...4 { modifiers.insert("E\(digit)") }
        for digit in 1...9 {
            modifiers.insert("F\(digit)")
            modifiers.insert("T\(digit)")
        }
        return modifiers
    }()
}
