/// The CMS NCCI procedure-to-procedure (PTP) edit file, tab-delimited text.
///
/// Notice lines (copyright text, no tabs) come first, then a header line whose first field
/// is not a code (`Column 1<TAB>Column 2<TAB>*=in existence prior to 1996<TAB>...`),
/// possibly continued on lines whose first field is blank. Each row then holds: column 1
/// code, column 2 code, `*` when the edit existed before 1996 (else blank), effective date
/// `YYYYMMDD`, deletion date `YYYYMMDD` or `*`, modifier indicator `0`/`1`/`9`, rationale.
/// Notice lines are discarded unread, so their encoding is not checked.
public enum NCCIPTPFile {
    /// The fields a row must have.
    static let fieldCount = 7

    /// Parses the whole file, refusing it at the first bad row: invalid UTF-8, a line over
    /// 4,096 bytes, missing fields, a bad code, date, flag or indicator, the same edit
    /// (column 1, column 2, effective date) twice, or no rows at all.
    public static func parse(_ bytes: [UInt8]) throws(CodebookParseError) -> [NCCIEdit] {
        var reader = DelimitedLineReader(bytes: bytes, delimiter: ByteText.tab, quoting: false, kind: .ncciPTP)
        var parser = RowParser(reader: reader, expectedRows: bytes.count / 64)
        var stage = Stage.notice
        while let row = try reader.next() {
            switch stage {
            case .notice:
                guard row.fields.count >= 2 else { continue }
                if looksLikeCode(row, reader) {
                    stage = .rows
                } else {
                    try reader.requireValidText(row)
                    stage = .header
                    continue
                }
            case .header:
                if reader.trimmedRange(row.fields[0]).isEmpty { continue }
                stage = .rows
            case .rows:
                break
            }
            try parser.parse(row)
        }
        guard !parser.edits.isEmpty else { throw CodebookParseError(kind: .ncciPTP, line: nil, problem: .noRows) }
        return parser.edits
    }

    private enum Stage { case notice, header, rows }

    private static func looksLikeCode(_ row: DelimitedRow, _ reader: DelimitedLineReader) -> Bool {
        let range = reader.trimmedRange(row.fields[0])
        return ProcedureCodeKind(code: String(decoding: reader.bytes[range], as: UTF8.self)) != nil
    }

    /// Turns rows into edits, checking each field and remembering keys for duplicates.
    private struct RowParser {
        let reader: DelimitedLineReader
        var edits: [NCCIEdit] = []
        var firstLineOfEdit: [EditKey: Int] = [:]
        /// The few rationale texts the file repeats on every row, each kept as one `String`.
        var rationales: [(bytes: ArraySlice<UInt8>, text: String)] = []

        /// (column 1, column 2, effective date) packed into integers: the codes are five
        /// ASCII characters (40 bits each), the date a day number (22 bits).
        struct EditKey: Hashable {
            var column1: UInt64
            var column2AndDate: UInt64

            init(column1: String, column2: String, effective: CalendarDate) {
                self.column1 = Self.pack(column1)
                self.column2AndDate = Self.pack(column2) << 22 | UInt64(effective.daysSinceEpoch + 719_162)
            }

            private static func pack(_ code: String) -> UInt64 {
                code.utf8.reduce(0) { $0 << 8 | UInt64($1) }
            }
        }

        init(reader: DelimitedLineReader, expectedRows: Int) {
            self.reader = reader
            edits.reserveCapacity(expectedRows)
            firstLineOfEdit.reserveCapacity(expectedRows)
        }

        mutating func parse(_ row: DelimitedRow) throws(CodebookParseError) {
            try reader.requireValidText(row)
            let line = row.line
            guard row.fields.count >= NCCIPTPFile.fieldCount else {
                throw error(line, .missingFields(expected: NCCIPTPFile.fieldCount, found: row.fields.count))
            }
            let column1 = try code(row.fields[0], "column 1", line)
            let column2 = try code(row.fields[1], "column 2", line)
            let flag = reader.text(row.fields[2])
            guard flag.isEmpty || flag == "*" else {
                throw error(line, .invalidIndicator(field: "prior-to-1996 flag", value: flag))
            }
            let effective = try date(row.fields[3], "effective date", line)
            let deletionText = reader.text(row.fields[4])
            let deletion: CalendarDate? = deletionText == "*" ? nil : try date(row.fields[4], "deletion date", line)
            let indicatorText = reader.text(row.fields[5])
            guard let indicatorValue = Int(indicatorText), indicatorText.utf8.count == 1,
                  let indicator = NCCIEdit.ModifierIndicator(rawValue: indicatorValue) else {
                throw error(line, .invalidIndicator(field: "modifier indicator", value: indicatorText))
            }
            let key = EditKey(column1: column1, column2: column2, effective: effective)
            if let first = firstLineOfEdit.updateValue(line, forKey: key) {
                throw error(line, .duplicate("edit \(column1)/\(column2) effective \(effective)", firstLine: first))
            }
            edits.append(NCCIEdit(column1: column1, column2: column2, effective: effective, deletion: deletion,
                                  modifierIndicator: indicator, rationale: rationale(row.fields[6])))
        }

        private func code(_ field: DelimitedRow.Field, _ name: String, _ line: Int) throws(CodebookParseError) -> String {
            let code = reader.text(field)
            guard ProcedureCodeKind(code: code) != nil else {
                throw error(line, .invalidCode(field: name, value: code, expected: "CPT or HCPCS"))
            }
            return code
        }

        private func date(_ field: DelimitedRow.Field, _ name: String, _ line: Int) throws(CodebookParseError) -> CalendarDate {
            guard let date = ByteText.compactDate(reader.bytes, reader.trimmedRange(field)) else {
                throw error(line, .invalidDate(field: name, value: reader.text(field)))
            }
            return date
        }

        private mutating func rationale(_ field: DelimitedRow.Field) -> String {
            let bytes = reader.bytes[reader.trimmedRange(field)]
            if let known = rationales.first(where: { $0.bytes.elementsEqual(bytes) }) { return known.text }
            let text = String(decoding: bytes, as: UTF8.self)
            if rationales.count < 64 { rationales.append((bytes, text)) }
            return text
        }

        private func error(_ line: Int, _ problem: CodebookParseError.Problem) -> CodebookParseError {
            CodebookParseError(kind: .ncciPTP, line: line, problem: problem)
        }
    }
}
