/// The CMS Medically Unlikely Edit file, CSV.
///
/// One or more notice lines come first, each a single quoted field (copyright text, which
/// may hold commas and line breaks), then a header row (`HCPCS/CPT Code,Practitioner
/// Services MUE Values,MUE Adjudication Indicator,MUE Rationale`), then one row per code:
/// code, MUE value (the most units), adjudication indicator (`1 Line Edit`,
/// `2 Date of Service Edit: Policy`, `3 Date of Service Edit: Clinical`), rationale.
/// Notice lines are discarded unread, so their encoding is not checked.
public enum MUEFile {
    /// The fields a row must have.
    static let fieldCount = 4

    /// Parses the whole file, refusing it at the first bad row: invalid UTF-8, a line over
    /// 4,096 bytes, missing fields, a bad code, MUE value or indicator, a code listed twice,
    /// or no rows at all.
    public static func parse(_ bytes: [UInt8]) throws(CodebookParseError) -> [MUELimit] {
        var reader = DelimitedLineReader(bytes: bytes, delimiter: ByteText.comma, quoting: true, kind: .mue)
        var limits: [MUELimit] = []
        var firstLineOfCode: [String: Int] = [:]
        var inRows = false
        while let row = try reader.next() {
            if !inRows {
                let isCode = ProcedureCodeKind(code: String(decoding: reader.bytes[reader.trimmedRange(row.fields[0])],
                                                            as: UTF8.self)) != nil
                if !isCode {
                    // A notice line (one field) or the header (several), which ends the preamble.
                    if row.fields.count >= 2 {
                        try reader.requireValidText(row)
                        inRows = true
                    }
                    continue
                }
                inRows = true
            }
            let limit = try parseRow(row, reader)
            if let first = firstLineOfCode.updateValue(row.line, forKey: limit.code) {
                throw CodebookParseError(kind: .mue, line: row.line, problem: .duplicate("code \(limit.code)", firstLine: first))
            }
            limits.append(limit)
        }
        guard !limits.isEmpty else { throw CodebookParseError(kind: .mue, line: nil, problem: .noRows) }
        return limits
    }

    private static func parseRow(_ row: DelimitedRow, _ reader: DelimitedLineReader) throws(CodebookParseError) -> MUELimit {
        try reader.requireValidText(row)
        func error(_ problem: CodebookParseError.Problem) -> CodebookParseError {
            CodebookParseError(kind: .mue, line: row.line, problem: problem)
        }
        guard row.fields.count >= fieldCount else {
            throw error(.missingFields(expected: fieldCount, found: row.fields.count))
        }
        let code = reader.text(row.fields[0])
        guard ProcedureCodeKind(code: code) != nil else {
            throw error(.invalidCode(field: nil, value: code, expected: "CPT or HCPCS"))
        }
        guard let maxUnits = ByteText.number(reader.bytes, reader.trimmedRange(row.fields[1])) else {
            throw error(.invalidValue(field: "MUE value", value: reader.text(row.fields[1])))
        }
        let indicatorText = reader.text(row.fields[2])
        guard let indicator = MUELimit.Indicator(fileText: indicatorText) else {
            throw error(.invalidIndicator(field: "adjudication indicator", value: indicatorText))
        }
        return MUELimit(code: code, maxUnits: maxUnits, indicator: indicator, rationale: reader.text(row.fields[3]))
    }
}
