import Foundation

/// Cleaning of text for X12 elements.
///
/// X12 has no escape character, so a delimiter inside a value would split it. Free text
/// (names, addresses) is therefore upper-cased, folded to plain letters (`José` → `JOSE`)
/// and limited to the X12 basic character set: anything else, delimiters included, becomes
/// a space, runs of spaces collapse, and the result is cut to the element's maximum length.
/// Identifiers are never altered: one that does not fit is refused instead.
enum X12Text {
    /// Punctuation of the X12 basic character set, minus this writer's delimiters.
    private static let basicPunctuation: Set<Character> = [
        "!", "\"", "&", "'", "(", ")", "+", ",", "-", ".", "/", ";", "?", "=",
    ]

    /// How an identifier fails to fit an element.
    enum IdentifierProblem: Error, Equatable {
        case missing
        case invalid(String)
    }

    /// Free text as payers expect it: upper case, basic character set, at most `maxLength`.
    static func freeText(_ raw: String, maxLength: Int) -> String {
        let folded = raw.uppercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for character in folded {
            if isUpperLetterOrDigit(character) || basicPunctuation.contains(character) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        if result.count > maxLength {
            result = String(result.prefix(maxLength))
            while result.last == " " { result.removeLast() }
        }
        return result
    }

    /// An identifier (claim number, member id, payer id ...), trimmed but otherwise unchanged.
    ///
    /// Letters, digits and basic punctuation are allowed; delimiters, other characters and
    /// values longer than `maxLength` are refused.
    static func identifier(_ raw: String?, maxLength: Int) -> Result<String, IdentifierProblem> {
        let trimmed = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.missing) }
        guard trimmed.count <= maxLength else {
            return .failure(.invalid("is longer than \(maxLength) characters"))
        }
        let allowed = trimmed.allSatisfy { character in
            isUpperLetterOrDigit(character) || (character.isASCII && character.isLowercase)
                || basicPunctuation.contains(character) || character == " "
        }
        guard allowed else {
            return .failure(.invalid("contains characters X12 cannot carry (delimiters or non-ASCII)"))
        }
        return .success(trimmed)
    }

    /// Only the digits of `raw` (`(217) 555-0100` → `2175550100`).
    static func digits(_ raw: String?) -> String {
        String((raw ?? "").filter { $0.isASCII && $0.isNumber })
    }

    /// Whether `character` is `A`–`Z` or `0`–`9`.
    static func isUpperLetterOrDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (65...90).contains(ascii) || (48...57).contains(ascii)
    }
}
