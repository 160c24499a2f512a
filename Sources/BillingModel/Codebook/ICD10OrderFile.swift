/// The CMS ICD-10-CM order file (`icd10cm_order_2025.txt`): one code per line, fixed width.
///
/// Columns (1-based): order number 1–5, code 7–13 (no dot, right-padded with spaces),
/// billable flag 15 (`0` header, `1` valid for claims), short description 17–76 (padded),
/// long description 78 to the end of the line. Columns 6, 14, 16 and 77 are spaces.
public enum ICD10OrderFile {
    /// The shortest line that holds every column (a one-character long description).
    static let minimumLineLength = 78

    /// Parses the whole file, refusing it at the first bad line (see ``CodebookParseError``):
    /// invalid UTF-8, a line over 4,096 bytes, a short line, a bad order number, code or
    /// flag, an empty description, a code listed twice, or a file without rows.
    /// Blank lines are skipped.
    public static func parse(_ bytes: [UInt8]) throws(CodebookParseError) -> [CodeEntry] {
        var scanner = LineScanner(bytes: bytes, kind: .icd10OrderFile)
        var entries: [CodeEntry] = []
        entries.reserveCapacity(bytes.count / 140)
        var firstLineOfCode: [String: Int] = [:]
        firstLineOfCode.reserveCapacity(bytes.count / 140)
        while let line = try scanner.next() {
            if ByteText.trimmed(bytes, line.range).isEmpty { continue }
            let entry = try parseLine(bytes, line)
            if let first = firstLineOfCode.updateValue(line.number, forKey: entry.code) {
                throw error(line.number, .duplicate("code \(entry.code)", firstLine: first))
            }
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw CodebookParseError(kind: .icd10OrderFile, line: nil, problem: .noRows) }
        return entries
    }

    private static func parseLine(_ bytes: [UInt8], _ line: LineScanner.Line) throws(CodebookParseError) -> CodeEntry {
        guard line.isValidUTF8 else { throw error(line.number, .invalidUTF8) }
        let start = line.range.lowerBound
        guard line.range.count >= minimumLineLength else {
            throw error(line.number, .shortLine(length: line.range.count, needed: minimumLineLength))
        }
        // 1-based column → byte index.
        func column(_ from: Int, _ to: Int) -> Range<Int> { (start + from - 1)..<(start + to) }

        let orderNumber = column(1, 5)
        guard ByteText.number(bytes, orderNumber) != nil else {
            throw error(line.number, .invalidValue(field: "order number (columns 1–5)",
                                                   value: ByteText.string(bytes, orderNumber)))
        }
        for separator in [6, 14, 16, 77] where bytes[start + separator - 1] != ByteText.space {
            throw error(line.number, .invalidValue(field: "column \(separator)",
                                                   value: ByteText.string(bytes, column(separator, separator))))
        }
        let code = ByteText.string(bytes, ByteText.trimmed(bytes, column(7, 13)))
        guard DiagnosisCode.hasValidFormat(code) else {
            throw error(line.number, .invalidCode(field: nil, value: code, expected: "ICD-10-CM"))
        }
        let billable: Bool
        switch bytes[start + 14] {
        case UInt8(ascii: "0"): billable = false
        case UInt8(ascii: "1"): billable = true
        default:
            throw error(line.number, .invalidIndicator(field: "billable flag (column 15)",
                                                       value: ByteText.string(bytes, column(15, 15))))
        }
        let shortRange = ByteText.trimmed(bytes, column(17, 76))
        guard !shortRange.isEmpty else { throw error(line.number, .emptyField("short description")) }
        let longRange = ByteText.trimmed(bytes, (start + 77)..<line.range.upperBound)
        guard !longRange.isEmpty else { throw error(line.number, .emptyField("long description")) }
        for (range, field) in [(shortRange, "short description"), (longRange, "long description")]
        where ByteText.hasControlCharacter(bytes, range) {
            throw error(line.number, .controlCharacter(field: field))
        }
        return CodeEntry(code: code, shortDescription: ByteText.string(bytes, shortRange),
                         description: ByteText.string(bytes, longRange), billable: billable)
    }

    private static func error(_ line: Int, _ problem: CodebookParseError.Problem) -> CodebookParseError {
        CodebookParseError(kind: .icd10OrderFile, line: line, problem: problem)
    }
}
