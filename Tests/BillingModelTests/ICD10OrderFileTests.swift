import CLITesting
import Foundation
import Testing
@testable import BillingModel

@Suite struct ICD10OrderFileTests {
    @Test func parsesTheSampleFile() throws {
        let entries = try ICD10OrderFile.parse(bytes(CodebookFixtures.icd10Sample))
        #expect(entries.count == 15)
        #expect(entries.filter(\.billable).count == 13)
        #expect(entries.map(\.code).prefix(4) == ["A00", "A000", "A001", "E11"])
        let header = try #require(entries.first { $0.code == "E11" })
        #expect(header == CodeEntry(code: "E11", shortDescription: "Type 2 diabetes mellitus",
                                    description: "Type 2 diabetes mellitus", billable: false))
        let torus = try #require(entries.first { $0.code == "S52521A" })
        #expect(torus.shortDescription == "Torus fracture of lower end of right radius, init")
        #expect(torus.description == "Torus fracture of lower end of right radius, initial encounter for closed fracture")
        #expect(torus.billable)
        #expect(entries.last?.code == "U071")
    }

    @Test func acceptsCRLFNoFinalLineFeedAndBlankLines() throws {
        let crlf = CodebookFixtures.icd10SampleLines.joined(separator: "\r\n")
        #expect(try ICD10OrderFile.parse(bytes(crlf)).count == 15)
        let blanks = "\n" + CodebookFixtures.icd10SampleLines.joined(separator: "\n\n") + "\n\n"
        #expect(try ICD10OrderFile.parse(bytes(blanks)).count == 15)
        let bom = [0xEF, 0xBB, 0xBF] + bytes(CodebookFixtures.icd10Sample)
        #expect(try ICD10OrderFile.parse(bom).first?.code == "A00")
    }

    /// A sample line replaced by a bad one; the error names that line.
    static let badLines: [(replacing: Int, with: String, problem: CodebookParseError.Problem)] = [
        (3, CodebookFixtures.orderLine("00004", "E1X.9Q", "1", "Bad", "Bad code"),
         .invalidCode(field: nil, value: "E1X.9Q", expected: "ICD-10-CM")),
        (5, CodebookFixtures.orderLine("00006", "1E11", "1", "Bad", "Digit first"),
         .invalidCode(field: nil, value: "1E11", expected: "ICD-10-CM")),
        (7, CodebookFixtures.orderLine("00008", "I10", "2", "Flag", "Flag two"),
         .invalidIndicator(field: "billable flag (column 15)", value: "2")),
        (2, CodebookFixtures.orderLine("0000X", "A001", "1", "Order", "Order number"),
         .invalidValue(field: "order number (columns 1–5)", value: "0000X")),
        (9, "00010 R69     1 Illness, unspecified", .shortLine(length: 36, needed: 78)),
        (4, CodebookFixtures.orderLine("00005", "E1165", "1", "", "Long only"), .emptyField("short description")),
        (4, CodebookFixtures.orderLine("00005", "E1165", "1", "Short only", "   "), .emptyField("long description")),
        (11, CodebookFixtures.orderLine("00012", "A000", "1", "Again", "Listed twice"),
         .duplicate("code A000", firstLine: 2)),
        (0, "00001\tA00     0 Cholera" + String(repeating: " ", count: 60) + "Cholera",
         .invalidValue(field: "column 6", value: "\t")),
    ]

    @Test(arguments: badLines.indices)
    func refusesABadLineWithItsNumber(_ index: Int) {
        let bad = Self.badLines[index]
        var lines = CodebookFixtures.icd10SampleLines
        lines[bad.replacing] = bad.with
        let error = parseError { () throws(CodebookParseError) in try ICD10OrderFile.parse(bytes(lines.joined(separator: "\n"))) }
        #expect(error == CodebookParseError(kind: .icd10OrderFile, line: bad.replacing + 1, problem: bad.problem))
    }

    @Test func refusesInvalidUTF8OnItsLine() {
        var file = bytes(CodebookFixtures.icd10SampleLines.prefix(6).joined(separator: "\n") + "\n")
        let line7 = bytes(CodebookFixtures.icd10SampleLines[6])
        file += line7.prefix(30) + [0xC3, 0x28] + line7.dropFirst(32)
        let error = parseError { () throws(CodebookParseError) in try ICD10OrderFile.parse(file) }
        #expect(error?.line == 7)
        #expect(error?.problem == .invalidUTF8)
    }

    @Test func refusesOverlongLines() {
        let long = CodebookFixtures.orderLine("00002", "A000", "1", "Long", String(repeating: "x", count: 5000))
        let text = CodebookFixtures.icd10SampleLines[0] + "\n" + long + "\n"
        let error = parseError { () throws(CodebookParseError) in try ICD10OrderFile.parse(bytes(text)) }
        #expect(error == CodebookParseError(kind: .icd10OrderFile, line: 2, problem: .lineTooLong(bytes: 5077)))
    }

    @Test(arguments: ["", "\n\n", "   \r\n"])
    func refusesAFileWithoutRows(_ text: String) {
        let error = parseError { () throws(CodebookParseError) in try ICD10OrderFile.parse(bytes(text)) }
        #expect(error == CodebookParseError(kind: .icd10OrderFile, line: nil, problem: .noRows))
    }

    @Test func errorReadsAsOneLine() {
        let error = CodebookParseError(kind: .icd10OrderFile, line: 42,
                                       problem: .invalidCode(field: nil, value: "E1X.9Q", expected: "ICD-10-CM"))
        #expect(error.description == "ICD-10-CM order file, line 42: code 'E1X.9Q' is not a valid ICD-10-CM code")
    }

    /// The whole FY2025 file, when `CLINICSYNC_FULL_ICD10` names an unzipped copy of
    /// `icd10cm_order_2025.txt.gz`.
    @Test(.enabled(if: Requirements.runs(when: ProcessInfo.processInfo.environment["CLINICSYNC_FULL_ICD10"] != nil),
                   "set CLINICSYNC_FULL_ICD10 to an unzipped copy of the order file (scripts/test.sh does)"))
    func parsesTheFullFY2025File() throws {
        let path = ProcessInfo.processInfo.environment["CLINICSYNC_FULL_ICD10"]
        try Requirements.check(path != nil, "CLINICSYNC_FULL_ICD10 naming the unzipped FY2025 order file")
        let data = try Data(contentsOf: URL(fileURLWithPath: path!))
        let entries = try ICD10OrderFile.parse([UInt8](data))
        #expect(entries.count == 97_584)
        #expect(entries.filter(\.billable).count == 74_260)
    }
}
