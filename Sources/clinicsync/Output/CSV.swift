/// Comma-separated values for spreadsheets (RFC 4180): a header row, fields quoted when they
/// hold a comma, a quote or a line break.
struct CSV {
    var headers: [String]
    var rows: [[String]]

    /// The text, lines ending in `\n`, no trailing newline after the last row.
    func render() -> String {
        ([headers] + rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\n")
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
