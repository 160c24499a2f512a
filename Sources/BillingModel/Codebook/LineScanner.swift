/// Walks a file's physical lines (LF or CRLF), numbering them from 1 and refusing lines
/// longer than ``CodebookParseError/maximumLineLength`` bytes.
struct LineScanner {
    /// One physical line.
    struct Line {
        /// 1-based line number.
        var number: Int
        /// The line's content, without the line break.
        var range: Range<Int>
        var isValidUTF8: Bool
    }

    let bytes: [UInt8]
    let kind: CodebookParseError.FileKind
    private var position: Int
    private var number = 0

    init(bytes: [UInt8], kind: CodebookParseError.FileKind) {
        self.bytes = bytes
        self.kind = kind
        self.position = ByteText.textStart(bytes)
    }

    /// The next line, or `nil` at the end of the file.
    mutating func next() throws(CodebookParseError) -> Line? {
        guard position < bytes.count else { return nil }
        number += 1
        let info = ByteText.inspectLine(bytes, from: position)
        let range = position..<info.contentEnd
        guard range.count <= CodebookParseError.maximumLineLength else {
            throw CodebookParseError(kind: kind, line: number, problem: .lineTooLong(bytes: range.count))
        }
        position = info.nextLineStart
        return Line(number: number, range: range, isValidUTF8: info.isValidUTF8)
    }
}
