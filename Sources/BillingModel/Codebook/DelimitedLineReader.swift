/// Reads delimited rows (CSV or TSV) from a file's bytes, with RFC 4180 quoting when asked:
/// a field in double quotes may hold delimiters, line breaks and doubled quotes (`""`).
///
/// Lines end in LF or CRLF; blank lines are skipped. Every physical line is numbered and
/// must be at most ``CodebookParseError/maximumLineLength`` bytes long. Encoding is checked
/// per line and reported with the row (``DelimitedRow/firstInvalidUTF8Line``) so that a
/// parser can skip notice text it discards anyway and refuse bad bytes in rows it keeps.
struct DelimitedLineReader {
    let bytes: [UInt8]
    let delimiter: UInt8
    let quoting: Bool
    let kind: CodebookParseError.FileKind
    private var position: Int
    private var line = 0

    init(bytes: [UInt8], delimiter: UInt8, quoting: Bool, kind: CodebookParseError.FileKind) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.quoting = quoting
        self.kind = kind
        self.position = ByteText.textStart(bytes)
    }

    /// The delimiter of a code list: a tab when the first line has one, else a comma.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let start = ByteText.textStart(bytes)
        let end = ByteText.inspectLine(bytes, from: start).contentEnd
        return bytes[start..<end].contains(ByteText.tab) ? ByteText.tab : ByteText.comma
    }

    /// The next row that is not blank, or `nil` at the end of the file.
    mutating func next() throws(CodebookParseError) -> DelimitedRow? {
        while position < bytes.count {
            var row = DelimitedRow(line: line + 1)
            try enterLine(&row)
            try readFields(into: &row)
            if !row.isBlank(in: bytes) { return row }
        }
        return nil
    }

    /// A field's text with surrounding spaces and tabs removed and doubled quotes undone.
    /// Call only for rows that passed ``requireValidText(_:)``.
    func text(_ field: DelimitedRow.Field) -> String {
        let range = ByteText.trimmed(bytes, field.range)
        guard field.hasDoubledQuotes else { return ByteText.string(bytes, range) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            unescaped.append(bytes[index])
            index += bytes[index] == ByteText.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// A field's trimmed bytes, for fast checks that need no `String`.
    func trimmedRange(_ field: DelimitedRow.Field) -> Range<Int> { ByteText.trimmed(bytes, field.range) }

    /// Throws when a line of the row is not valid UTF-8.
    func requireValidText(_ row: DelimitedRow) throws(CodebookParseError) {
        if let bad = row.firstInvalidUTF8Line {
            throw CodebookParseError(kind: kind, line: bad, problem: .invalidUTF8)
        }
    }

    /// Counts the physical line starting at `position` and checks its length and encoding.
    private mutating func enterLine(_ row: inout DelimitedRow) throws(CodebookParseError) {
        line += 1
        let info = ByteText.inspectLine(bytes, from: position)
        let length = info.contentEnd - position
        guard length <= CodebookParseError.maximumLineLength else {
            throw CodebookParseError(kind: kind, line: line, problem: .lineTooLong(bytes: length))
        }
        if !info.isValidUTF8, row.firstInvalidUTF8Line == nil { row.firstInvalidUTF8Line = line }
    }

    private mutating func readFields(into row: inout DelimitedRow) throws(CodebookParseError) {
        while true {
            if quoting, position < bytes.count, bytes[position] == ByteText.quote {
                try readQuotedField(into: &row)
            } else {
                readPlainField(into: &row)
            }
            guard position < bytes.count else { return }
            let separator = bytes[position]
            position += 1
            if separator == ByteText.lineFeed { return }
        }
    }

    /// Reads up to the next delimiter or line feed, leaving `position` on it.
    private mutating func readPlainField(into row: inout DelimitedRow) {
        let start = position
        while position < bytes.count, bytes[position] != delimiter, bytes[position] != ByteText.lineFeed {
            position += 1
        }
        var end = position
        let endsLine = position == bytes.count || bytes[position] == ByteText.lineFeed
        if endsLine, end > start, bytes[end - 1] == ByteText.carriageReturn { end -= 1 }
        row.fields.append(.init(range: start..<end, hasDoubledQuotes: false, isQuoted: false))
    }

    /// Reads a quoted field, leaving `position` on the delimiter or line feed after it.
    private mutating func readQuotedField(into row: inout DelimitedRow) throws(CodebookParseError) {
        let openingLine = line
        position += 1
        let start = position
        var doubled = false
        while true {
            guard position < bytes.count else {
                throw CodebookParseError(kind: kind, line: openingLine, problem: .unterminatedQuote)
            }
            let byte = bytes[position]
            if byte == ByteText.quote {
                if position + 1 < bytes.count, bytes[position + 1] == ByteText.quote {
                    doubled = true
                    position += 2
                    continue
                }
                break
            }
            position += 1
            if byte == ByteText.lineFeed { try enterLine(&row) }
        }
        row.fields.append(.init(range: start..<position, hasDoubledQuotes: doubled, isQuoted: true))
        position += 1
        if position < bytes.count, bytes[position] == ByteText.carriageReturn,
           position + 1 == bytes.count || bytes[position + 1] == ByteText.lineFeed {
            position += 1
        }
        guard position == bytes.count || bytes[position] == delimiter || bytes[position] == ByteText.lineFeed else {
            // Text after a quote that ran over several lines most likely means the quote
            // opened earlier was never closed and swallowed the lines after it.
            let problem: CodebookParseError.Problem = openingLine == line ? .textAfterQuote : .unterminatedQuote
            throw CodebookParseError(kind: kind, line: openingLine, problem: problem)
        }
    }
}

/// One row of a delimited file; its fields are byte ranges into the file.
struct DelimitedRow {
    /// One field's content (inside the quotes, for a quoted field).
    struct Field {
        var range: Range<Int>
        /// Whether the content holds `""` pairs that stand for one quote.
        var hasDoubledQuotes: Bool
        var isQuoted: Bool
    }

    /// The 1-based line the row starts on.
    var line: Int
    var fields: [Field] = []
    /// The first line of the row that is not valid UTF-8, if any.
    var firstInvalidUTF8Line: Int?

    /// Whether the row has no content: unquoted fields of spaces and tabs only.
    func isBlank(in bytes: [UInt8]) -> Bool {
        fields.allSatisfy { !$0.isQuoted && ByteText.trimmed(bytes, $0.range).isEmpty }
    }
}
