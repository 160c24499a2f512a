import Testing
@testable import BillingModel

@Suite struct MUEFileTests {
    /// The practitioner MUE CSV layout: quoted notice lines (one spans two lines), the
    /// header, then rows.
    static let preamble = [
        "\"CPT codes, descriptions and other data only are copyright 2024 American Medical Association. All Rights Reserved. Applicable FARS/HHSARS apply.\"",
        "\"MUE values are published \"\"as is\"\"; the NCCI Policy Manual explains them,",
        "and they may change in a later quarter.\"",
        "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale",
    ]
    static let rows = [
        "11102,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction",
        "97110,4,3 Date of Service Edit: Clinical,Clinical: Data",
        "36415,2,1 Line Edit,Nature of Service/Procedure",
        "J1100,30,3 Date of Service Edit: Clinical,\"Clinical: Data, Prescribing Information\"",
    ]
    static let firstRowLine = preamble.count + 1

    static func file(_ rows: [String] = rows) -> String { (preamble + rows).joined(separator: "\n") + "\n" }

    @Test func parsesTheCMSLayout() throws {
        let limits = try MUEFile.parse(bytes(Self.file()))
        #expect(limits == [
            MUELimit(code: "11102", maxUnits: 1, indicator: .dateOfServicePolicy, rationale: "Code Descriptor / CPT Instruction"),
            MUELimit(code: "97110", maxUnits: 4, indicator: .dateOfServiceClinical, rationale: "Clinical: Data"),
            MUELimit(code: "36415", maxUnits: 2, indicator: .line, rationale: "Nature of Service/Procedure"),
            MUELimit(code: "J1100", maxUnits: 30, indicator: .dateOfServiceClinical,
                     rationale: "Clinical: Data, Prescribing Information"),
        ])
    }

    @Test func acceptsAFileWithoutPreambleOrHeader() throws {
        #expect(try MUEFile.parse(bytes(Self.rows.joined(separator: "\r\n"))).count == 4)
    }

    @Test(arguments: [
        ("1 Line Edit", MUELimit.Indicator?.some(.line)), ("2 date of service edit:  policy", .dateOfServicePolicy),
        ("3", .dateOfServiceClinical), ("2 Line Edit", nil), ("4 Date of Service Edit: Clinical", nil), ("", nil),
    ])
    func readsIndicatorText(_ text: String, _ expected: MUELimit.Indicator?) {
        #expect(MUELimit.Indicator(fileText: text) == expected)
    }

    @Test(arguments: [
        (0, "11102,1,2 Date of Service Edit: Policy", CodebookParseError.Problem.missingFields(expected: 4, found: 3)),
        (1, "9711,4,3 Date of Service Edit: Clinical,Clinical: Data",
         .invalidCode(field: nil, value: "9711", expected: "CPT or HCPCS")),
        (1, "97110,four,3 Date of Service Edit: Clinical,Clinical: Data", .invalidValue(field: "MUE value", value: "four")),
        (1, "97110,-1,3 Date of Service Edit: Clinical,Clinical: Data", .invalidValue(field: "MUE value", value: "-1")),
        (2, "36415,2,2 Line Edit,Nature of Service", .invalidIndicator(field: "adjudication indicator", value: "2 Line Edit")),
        (3, "11102,2,2 Date of Service Edit: Policy,Again", .duplicate("code 11102", firstLine: firstRowLine)),
        (2, "36415,2,1 Line Edit,\"Nature of Service", .unterminatedQuote),
        (3, "J1100,30,3 Date of Service Edit: Clinical,\"Clinical: Data", .unterminatedQuote),
        (2, "36415,2,\"1 Line Edit\"x,Nature", .textAfterQuote),
    ])
    func refusesABadRowWithItsLine(_ index: Int, _ row: String, _ problem: CodebookParseError.Problem) {
        var rows = Self.rows
        rows[index] = row
        let error = parseError { () throws(CodebookParseError) in try MUEFile.parse(bytes(Self.file(rows))) }
        #expect(error == CodebookParseError(kind: .mue, line: Self.firstRowLine + index, problem: problem))
    }

    @Test func ignoresNoticeTextThatIsNotUTF8ButNotRows() throws {
        let notice = bytes("\"CPT") + [0xAE] + bytes(" is a trademark of the AMA.\"\n")
        #expect(try MUEFile.parse(notice + bytes(Self.rows.joined(separator: "\n"))).count == 4)
        let badRow = bytes(Self.file()) + bytes("J3301,8,3 Date of Service Edit: Clinical,Clinical ") + [0xE2, 0x82]
        let error = parseError { () throws(CodebookParseError) in try MUEFile.parse(badRow) }
        #expect(error == CodebookParseError(kind: .mue, line: Self.firstRowLine + 4, problem: .invalidUTF8))
    }

    @Test func refusesAFileWithOnlyItsPreamble() {
        let error = parseError { () throws(CodebookParseError) in try MUEFile.parse(bytes(Self.file([]))) }
        #expect(error?.problem == .noRows)
        #expect(error?.description == "MUE file: the file holds no rows")
    }
}
