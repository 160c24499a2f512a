import Testing
@testable import BillingModel

@Suite struct NCCIPTPFileTests {
    /// The practitioner PTP text layout: notice lines, then a header spread over several
    /// lines (continuations start with a tab), then tab-separated rows.
    static let preamble = [
        "CPT codes, descriptions and other data only are copyright 2024 American Medical Association. All rights reserved.",
        "Applicable FARS/HHSARS apply.",
        "",
        "Column1/Column 2 Edits",
        "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale",
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t",
        "\t\t\t\t*=no data\t1=allowed\t",
        "\t\t\t\t\t9=not applicable\t",
    ]
    static let rows = [
        "99213\t36415\t\t20210101\t*\t0\tMisuse of column two code with column one code",
        "99213\t20610\t\t20020101\t*\t1\tStandards of medical / surgical services",
        "29881\t29880\t*\t19960101\t20100101\t9\tMutually exclusive procedures",
        "G0439\t99497\t\t20160101\t*\t1\tCPT Manual or CMS manual coding instructions",
    ]
    /// The line number of `rows[0]`.
    static let firstRowLine = preamble.count + 1

    static func file(_ rows: [String] = rows) -> String { (preamble + rows).joined(separator: "\r\n") + "\r\n" }

    @Test func parsesTheCMSLayout() throws {
        let edits = try NCCIPTPFile.parse(bytes(Self.file()))
        #expect(edits.count == 4)
        #expect(edits[0] == NCCIEdit(column1: "99213", column2: "36415", effective: CalendarDate("2021-01-01")!,
                                     deletion: nil, modifierIndicator: .notAllowed,
                                     rationale: "Misuse of column two code with column one code"))
        #expect(edits[1].modifierIndicator == .allowed)
        #expect(edits[2].deletion == CalendarDate("2010-01-01"))
        #expect(edits[2].modifierIndicator == .notApplicable)
        #expect(edits[3].column1 == "G0439")
    }

    @Test func acceptsOneHeaderLineOrNone() throws {
        let oneHeader = (["Column 1\tColumn 2\t*\tEffective Date\tDeletion Date\tModifier\tRationale"] + Self.rows)
            .joined(separator: "\n")
        #expect(try NCCIPTPFile.parse(bytes(oneHeader)).count == 4)
        #expect(try NCCIPTPFile.parse(bytes(Self.rows.joined(separator: "\n"))).count == 4)
    }

    @Test func ignoresNoticeTextThatIsNotUTF8() throws {
        let text = bytes("CPT") + [0xAE] + bytes(" codes are copyright the AMA.\n") + bytes(Self.rows.joined(separator: "\n"))
        #expect(try NCCIPTPFile.parse(text).count == 4)
    }

    @Test func editsApplyFromEffectiveUntilTheDayBeforeDeletion() throws {
        let edit = try NCCIPTPFile.parse(bytes(Self.file()))[2]
        #expect(!edit.isInForce(on: CalendarDate("1995-12-31")!))
        #expect(edit.isInForce(on: CalendarDate("1996-01-01")!))
        #expect(edit.isInForce(on: CalendarDate("2009-12-31")!))
        #expect(!edit.isInForce(on: CalendarDate("2010-01-01")!))
    }

    @Test(arguments: [
        (1, "99213\t20610\t\t20020101\t*\t1", CodebookParseError.Problem.missingFields(expected: 7, found: 6)),
        (0, "9921\t36415\t\t20210101\t*\t0\tMisuse",
         .invalidCode(field: "column 1", value: "9921", expected: "CPT or HCPCS")),
        (3, "G0439\tZ9497\t\t20160101\t*\t1\tManual",
         .invalidCode(field: "column 2", value: "Z9497", expected: "CPT or HCPCS")),
        (0, "99213\t36415\t\t20250230\t*\t0\tMisuse", .invalidDate(field: "effective date", value: "20250230")),
        (2, "29881\t29880\t*\t19960101\t2010-01-01\t9\tExclusive", .invalidDate(field: "deletion date", value: "2010-01-01")),
        (1, "99213\t20610\t\t20020101\t*\t2\tStandards", .invalidIndicator(field: "modifier indicator", value: "2")),
        (1, "99213\t20610\tY\t20020101\t*\t1\tStandards", .invalidIndicator(field: "prior-to-1996 flag", value: "Y")),
        (3, "99213\t20610\t\t20020101\t20230101\t1\tAgain", .duplicate("edit 99213/20610 effective 2002-01-01", firstLine: firstRowLine + 1)),
    ])
    func refusesABadRowWithItsLine(_ index: Int, _ row: String, _ problem: CodebookParseError.Problem) {
        var rows = Self.rows
        rows[index] = row
        let error = parseError { () throws(CodebookParseError) in try NCCIPTPFile.parse(bytes(Self.file(rows))) }
        #expect(error == CodebookParseError(kind: .ncciPTP, line: Self.firstRowLine + index, problem: problem))
    }

    @Test func refusesInvalidUTF8InARow() {
        let text = bytes(Self.file(Array(Self.rows.prefix(2)))) + bytes("99214\t20610\t\t20020101\t*\t1\tStandards ") + [0xFF]
        let error = parseError { () throws(CodebookParseError) in try NCCIPTPFile.parse(text) }
        #expect(error == CodebookParseError(kind: .ncciPTP, line: Self.firstRowLine + 2, problem: .invalidUTF8))
    }

    @Test func refusesAFileWithOnlyItsPreamble() {
        let error = parseError { () throws(CodebookParseError) in try NCCIPTPFile.parse(bytes(Self.file([]))) }
        #expect(error == CodebookParseError(kind: .ncciPTP, line: nil, problem: .noRows))
    }
}
