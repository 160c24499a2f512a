import Foundation

/// Reads segments of exported X12 text for assertions (x12valid itself runs through
/// CLITesting's `X12Validator`).
enum X12Validation {
    /// The elements of the first segment with this id (`ISA`, `GS`, `ST` ...).
    static func segment(_ id: String, in text: String) -> [String]? {
        text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { $0.hasPrefix(id + "*") }?.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
    }

    /// Every segment with this id.
    static func segments(_ id: String, in text: String) -> [[String]] {
        text.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.hasPrefix(id + "*") }.map { $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
    }
}
