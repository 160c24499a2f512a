/// ICD-10-CM code spelling: stored without the dot, shown with it after the third character.
public enum DiagnosisCode {
    /// Removes dots and spaces and upper-cases: `e11.65` → `E1165`.
    public static func normalize(_ raw: String) -> String {
        String(raw.uppercased().filter { $0 != "." && !$0.isWhitespace })
    }

    /// Whether a normalized code has the ICD-10-CM shape `^[A-Z][0-9A-Z]{2}[0-9A-Z]{0,4}$`.
    public static func hasValidFormat(_ code: String) -> Bool {
        let chars = Array(code.utf8)
        guard (3...7).contains(chars.count), isLetter(chars[0]) else { return false }
        return chars.dropFirst().allSatisfy { isLetter($0) || isDigit($0) }
    }

    /// The display form with the dot after the third character: `E1165` → `E11.65`.
    public static func display(_ code: String) -> String {
        guard code.count > 3 else { return code }
        let cut = code.index(code.startIndex, offsetBy: 3)
        return code[..<cut] + "." + code[cut...]
    }

    private static func isLetter(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}

/// Modifier and place-of-service code formats.
public enum ShortCode {
    /// Whether `code` has the modifier shape `^[0-9A-Z]{2}$`.
    public static func isModifier(_ code: String) -> Bool {
        code.utf8.count == 2 && code.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }
    }

    /// Whether `code` has the place-of-service shape `^\d{2}$`.
    public static func isPlaceOfService(_ code: String) -> Bool {
        code.utf8.count == 2 && code.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
