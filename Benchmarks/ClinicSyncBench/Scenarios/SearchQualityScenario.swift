import ClinicStore
import Foundation

/// Search quality (issue 26): everyday queries (abbreviations, lay words, typos, plurals,
/// body sides) with the codes a coder would pick; the share whose first result, or one of
/// whose first three, is such a code. Also the latency of typing those queries a keystroke at a time.
struct SearchQualityScenario {
    /// One query and the codes that count as a hit (stored form, no dots).
    struct Query {
        var text: String
        var codes: Set<String>
    }

    struct Figures {
        var queries = 0
        var hitAt1 = 0.0
        var hitAt3 = 0.0
        var misses: [(query: String, expected: String, found: [String])] = []
        var keystrokes = 0
        var keystrokeMillis: [Double] = []
    }

    /// The query set shipped with the benchmark.
    static var defaultFile: String { file("everyday_queries.tsv") }

    /// The held-out set: written before the rules were measured on it, never tuned line by line.
    static var heldOutFile: String { file("heldout_queries.tsv") }

    private static func file(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SearchQuality/\(name)").path
    }

    /// Reads `query<TAB>code[,code...]` lines; `#` comments and blank lines are skipped.
    static func load(_ path: String) throws -> [Query] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).enumerated().compactMap { number, line in
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let sides = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
                struct BadLine: Error, CustomStringConvertible { var description: String }
                throw BadLine(description: "\(path), line \(number + 1): expected query<TAB>codes")
            }
            return Query(text: String(sides[0]),
                         codes: Set(sides[1].split(separator: ",").map { $0.replacingOccurrences(of: ".", with: "") }))
        }
    }

    let store: LocalStore
    let queries: [Query]
    let passes: Int

    func run() throws -> Figures {
        var figures = Figures()
        figures.queries = queries.count
        var at1 = 0, at3 = 0
        for query in queries {
            let found = try store.searchCodes(query.text, limit: 3).map(\.code)
            if let first = found.first, query.codes.contains(first) { at1 += 1 }
            if found.contains(where: query.codes.contains) {
                at3 += 1
            } else {
                figures.misses.append((query.text, query.codes.sorted().joined(separator: ","), found))
            }
        }
        figures.hitAt1 = Double(at1) / Double(max(1, queries.count))
        figures.hitAt3 = Double(at3) / Double(max(1, queries.count))
        let keystrokes = queries.flatMap { query in (1...query.text.count).map { String(query.text.prefix($0)) } }
        figures.keystrokes = keystrokes.count
        for pass in 0...passes {
            for keystroke in keystrokes {
                let (_, seconds) = try Stopwatch.time { try store.searchCodes(keystroke, limit: 10) }
                if pass > 0 { figures.keystrokeMillis.append(seconds * 1000) }
            }
        }
        return figures
    }
}
