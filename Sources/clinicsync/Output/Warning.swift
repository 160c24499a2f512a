import Foundation

/// A warning on stderr, one line starting `Warning: `, whatever the output mode: `--json` keeps
/// stdout for the JSON, and a person still sees it.
enum Warning {
    /// Prints `Warning: TEXT` on stderr.
    static func print(_ text: String) {
        FileHandle.standardError.write(Data("Warning: \(text)\n".utf8))
    }
}
