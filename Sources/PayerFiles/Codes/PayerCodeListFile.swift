/// Reads a code list an office holds: one code and its description per line.
///
/// Accepted shapes: tab-separated (`45<TAB>Charge exceeds …`) or comma-separated with optional
/// double quotes (`"45","Charge exceeds, …"`); a first line whose first field is `code` is a
/// header; blank lines and lines starting with `#` are skipped. Codes are 1–6 capital letters
/// or digits. A bad line refuses the whole file, naming the line.
public enum PayerCodeListFile {
    /// Parses `text` into a list of `kind`.
    public static func parse(_ text: String, kind: PayerCodeList.Kind) throws -> PayerCodeList {
        var descriptions: [String: String] = [:]
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            if line.trimmingSpaces.isEmpty || line.hasPrefix("#") { continue }
            let fields = try split(line, number: number)
            let code = fields[0].trimmingSpaces
            if number == 1 || descriptions.isEmpty, code.lowercased() == "code" { continue }
            guard (1...6).contains(code.count), code.utf8.allSatisfy({ (65...90).contains($0) || (48...57).contains($0) }) else {
                throw PayerCodeListError(line: number, problem: "`\(code.prefix(12))` is not a code (1 to 6 capital letters or digits)")
            }
            let description = fields.count > 1 ? fields[1].trimmingSpaces : ""
            guard !description.isEmpty else {
                throw PayerCodeListError(line: number, problem: "code \(code) has no description")
            }
            guard descriptions[code] == nil else {
                throw PayerCodeListError(line: number, problem: "code \(code) appears twice")
            }
            descriptions[code] = description
        }
        guard !descriptions.isEmpty else { throw PayerCodeListError(line: nil, problem: "the file holds no codes") }
        return PayerCodeList(kind: kind, descriptions: descriptions)
    }

    /// The first field and the rest: tab-separated, or comma-separated with quotes.
    static func split(_ line: Substring, number: Int) throws -> [String] {
        if let tab = line.firstIndex(of: "\t") {
            return [String(line[..<tab]), String(line[line.index(after: tab)...])]
        }
        var fields: [String] = []
        var current = ""
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if quoted {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," && fields.isEmpty {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index = line.index(after: index)
        }
        guard !quoted else { throw PayerCodeListError(line: number, problem: "a quoted field is not closed") }
        fields.append(current)
        return fields
    }
}

/// Why a code list file was refused: the line and what is wrong.
public struct PayerCodeListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line, when one is named.
    public let line: Int?
    /// What is wrong.
    public let problem: String

    /// `line 12: …`.
    public var description: String { (line.map { "line \($0): " } ?? "code list: ") + problem }
}

extension StringProtocol {
    /// Without surrounding spaces and tabs.
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
