import Foundation

/// Every figure of a run, the table people read and the JSON scripts read.
struct BenchReport {
    /// One line of the table: a figure, what it is compared with, and the target.
    struct Line {
        var name: String
        var figure: String
        var native: String = ""
        var ratio: String = ""
        var target: String = ""
        /// `nil`: reported only, no target.
        var holds: Bool?
    }

    var lines: [Line] = []
    var json: [String: Double] = [:]
    var notes: [String] = []

    /// The table, fixed-width columns.
    var table: String {
        let header = Line(name: "scenario", figure: "figure", native: "native SQLite", ratio: "ratio", target: "target")
        let rows = [header] + lines
        func width(_ key: KeyPath<Line, String>) -> Int { rows.map { $0[keyPath: key].count }.max() ?? 0 }
        let widths = [width(\.name), width(\.figure), width(\.native), width(\.ratio), width(\.target)]
        func render(_ line: Line, verdict: String) -> String {
            let cells = [line.name, line.figure, line.native, line.ratio, line.target]
            return zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "  " + verdict
        }
        var text = render(header, verdict: "")
        text += "\n" + String(repeating: "-", count: widths.reduce(0, +) + 2 * widths.count + 4)
        for line in lines {
            text += "\n" + render(line, verdict: line.holds.map { $0 ? "ok" : "MISSED" } ?? "")
        }
        for note in notes { text += "\n" + note }
        return text
    }

    /// One JSON object, keys sorted.
    var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let rounded = json.mapValues { ($0 * 1000).rounded() / 1000 }
        return String(decoding: (try? encoder.encode(rounded)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// Number formatting for the table.
enum Format {
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
    static func millis(_ value: Double) -> String { String(format: "%.2f ms", value) }
    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
    static func rate(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        return (formatter.string(from: NSNumber(value: value.rounded())) ?? String(Int(value))) + " rows/s"
    }
    static func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
