/// A CSV or TSV code list (`code,description[,...]`) for CPT, HCPCS, modifiers, POS or
/// ICD-10-CM: the format of the licensed CPT file an office brings and of small lists.
///
/// The delimiter is a tab when the first line holds one, else a comma. Fields may be
/// quoted (RFC 4180); lines end in LF or CRLF; columns after the description are ignored.
/// The first row is a header when its first field is not a valid code of the system.
public enum CodeListFile {
    /// Parses a code list of `system`. Codes are normalized (upper case; ICD-10-CM without
    /// dots) and must have the system's format; every entry is billable. Refuses the file
    /// at the first bad row: invalid UTF-8, a line over 4,096 bytes, a missing or empty
    /// description, a bad code, a code listed twice, or no rows at all.
    public static func parse(_ bytes: [UInt8], system: CodeSystem) throws(CodebookParseError) -> [CodeEntry] {
        let kind = CodebookParseError.FileKind.codeList(system)
        guard system.hasCodeList else {
            throw CodebookParseError(kind: kind, line: nil, problem: .unsupportedSystem(system))
        }
        var reader = DelimitedLineReader(bytes: bytes, delimiter: DelimitedLineReader.detectDelimiter(bytes),
                                         quoting: true, kind: kind)
        var entries: [CodeEntry] = []
        var firstLineOfCode: [String: Int] = [:]
        var isFirstRow = true
        while let row = try reader.next() {
            try reader.requireValidText(row)
            let raw = reader.text(row.fields[0])
            let code = system.normalizedCode(raw)
            let isCode = system.hasValidCodeFormat(code)
            if isFirstRow {
                isFirstRow = false
                if !isCode || Self.isHeader(row, reader) { continue }
            }
            guard isCode else {
                throw CodebookParseError(kind: kind, line: row.line,
                                         problem: .invalidCode(field: nil, value: raw, expected: system.readableName))
            }
            guard row.fields.count >= 2 else {
                throw CodebookParseError(kind: kind, line: row.line, problem: .missingFields(expected: 2, found: 1))
            }
            let description = reader.text(row.fields[1])
            guard !description.isEmpty else {
                throw CodebookParseError(kind: kind, line: row.line, problem: .emptyField("description"))
            }
            if !row.fields[1].isQuoted, ByteText.hasControlCharacter(reader.bytes, reader.trimmedRange(row.fields[1])) {
                throw CodebookParseError(kind: kind, line: row.line, problem: .controlCharacter(field: "description"))
            }
            if let first = firstLineOfCode.updateValue(row.line, forKey: code) {
                throw CodebookParseError(kind: kind, line: row.line,
                                         problem: .duplicate("code \(code)", firstLine: first))
            }
            entries.append(CodeEntry(code: code, shortDescription: description, description: description,
                                     billable: true))
        }
        guard !entries.isEmpty else { throw CodebookParseError(kind: kind, line: nil, problem: .noRows) }
        return entries
    }

    /// Column titles a header row may start with. Needed because some titles (`CODE`) have the
    /// format of an ICD-10-CM code and must not be imported as one.
    static let headerTitles: Set<String> = ["code", "codes", "description", "descriptor", "name"]

    /// Whether a first row whose first field looks like a code is a header all the same: its
    /// first or second field is a column title.
    private static func isHeader(_ row: DelimitedRow, _ reader: DelimitedLineReader) -> Bool {
        row.fields.prefix(2).contains { headerTitles.contains(reader.text($0).lowercased()) }
    }
}
