/// National Provider Identifier checks: 10 digits whose last is a Luhn check digit
/// computed over the prefix `80840` followed by the first nine digits.
public enum NPI {
    /// Why an NPI was refused.
    public enum Problem: Equatable, Sendable {
        /// Not exactly ten digits.
        case format
        /// Ten digits, but the check digit does not match.
        case checkDigit
    }

    /// Returns `nil` for a valid NPI, else what is wrong with it.
    public static func problem(_ npi: String) -> Problem? {
        let digits = npi.utf8.map { Int($0) - 48 }
        guard digits.count == 10, digits.allSatisfy({ (0...9).contains($0) }) else { return .format }
        return checkDigit(forFirstNine: Array(digits.prefix(9))) == digits[9] ? nil : .checkDigit
    }

    /// Whether `npi` is ten digits with a correct check digit.
    public static func isValid(_ npi: String) -> Bool { problem(npi) == nil }

    /// The check digit for nine leading digits (Luhn over `80840` + the nine digits).
    public static func checkDigit(forFirstNine digits: [Int]) -> Int {
        // Luhn: double every second digit from the right of the payload (the check digit
        // will sit to its right). The prefix 80840 contributes a constant 24.
        var sum = 24
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }
}
