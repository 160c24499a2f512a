import CommandSupport

/// A plain-text table for people: a header row, aligned columns, no borders. Every cell goes
/// through ``TerminalText/clean(_:)``: values that came from elsewhere cannot drive the terminal.
struct Table {
    var headers: [String]
    var rows: [[String]]

    /// Renders the table, or `empty` when there are no rows.
    func render(empty: String = "(none)") -> String {
        guard !rows.isEmpty else { return empty }
        let rows = self.rows.map { $0.map { TerminalText.clean($0) } }
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 || index >= widths.count
                    ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(headers), line(rule)] + rows.map(line)).joined(separator: "\n")
    }
}
