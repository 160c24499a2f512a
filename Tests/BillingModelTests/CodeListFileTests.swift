import Testing
@testable import BillingModel

@Suite struct CodeListFileTests {
    static let cptCSV = """
        code,description,status
        99213,"Office visit, established patient, low complexity",demo
        99214,"Office visit, established patient, ""moderate"" complexity",demo
        0503F,Postpartum care visit,demo
        90471,Immunization administration
        """

    @Test func parsesCSVWithHeaderAndQuotedFields() throws {
        let entries = try CodeListFile.parse(bytes(Self.cptCSV), system: .cpt)
        #expect(entries.map(\.code) == ["99213", "99214", "0503F", "90471"])
        #expect(entries[0].description == "Office visit, established patient, low complexity")
        #expect(entries[1].description == "Office visit, established patient, \"moderate\" complexity")
        #expect(entries.allSatisfy { $0.billable && $0.shortDescription == $0.description })
    }

    @Test func parsesTSVWithoutHeaderAndWithCRLF() throws {
        let text = "G0439\tAnnual wellness visit, subsequent\r\nj1100\tDexamethasone sodium phosphate, 1 mg\r\n"
        let entries = try CodeListFile.parse(bytes(text), system: .hcpcs)
        #expect(entries == [
            CodeEntry(code: "G0439", shortDescription: "Annual wellness visit, subsequent",
                      description: "Annual wellness visit, subsequent", billable: true),
            CodeEntry(code: "J1100", shortDescription: "Dexamethasone sodium phosphate, 1 mg",
                      description: "Dexamethasone sodium phosphate, 1 mg", billable: true),
        ])
    }

    @Test func parsesPlaceOfServiceModifierAndDiagnosisLists() throws {
        let pos = "code,name,medicare_pfs_rate\n01,Pharmacy,non-facility\n02,Telehealth Provided Other than in Patient's Home,facility\n"
        #expect(try CodeListFile.parse(bytes(pos), system: .pos).map(\.code) == ["01", "02"])
        let modifiers = "Modifier\tDescription\n25\tSignificant, separately identifiable E/M service\nlt\tLeft side\n"
        #expect(try CodeListFile.parse(bytes(modifiers), system: .modifier).map(\.code) == ["25", "LT"])
        let diagnoses = "e11.9,Type 2 diabetes mellitus without complications\nI10,Essential (primary) hypertension\n"
        #expect(try CodeListFile.parse(bytes(diagnoses), system: .icd10cm).map(\.code) == ["E119", "I10"])
    }

    @Test func aQuotedLineBreakKeepsLaterLineNumbersRight() {
        let text = "code,description\n99213,\"Office visit,\nestablished\"\n9921,Too short\n"
        let error = parseError { () throws(CodebookParseError) in try CodeListFile.parse(bytes(text), system: .cpt) }
        #expect(error?.line == 4)
    }

    @Test(arguments: [
        (CodeSystem.cpt, "code,description\n99213,Visit\n9921,Short code\n", 3,
         CodebookParseError.Problem.invalidCode(field: nil, value: "9921", expected: "CPT")),
        (.cpt, "99213,Visit\nG0439,Wellness visit\n", 2, .invalidCode(field: nil, value: "G0439", expected: "CPT")),
        (.hcpcs, "G0439,Wellness\nW1234,Not a level II letter\n", 2,
         .invalidCode(field: nil, value: "W1234", expected: "HCPCS Level II")),
        (.modifier, "25,E/M\n2,One character\n", 2, .invalidCode(field: nil, value: "2", expected: "modifier")),
        (.pos, "11,Office\n1A,Letter\n", 2, .invalidCode(field: nil, value: "1A", expected: "place-of-service")),
        (.icd10cm, "E11.9,Diabetes\nE1X.9Q!,Bad\n", 2, .invalidCode(field: nil, value: "E1X.9Q!", expected: "ICD-10-CM")),
        (.cpt, "code,description\n99213,Visit\n99214\n", 3, .missingFields(expected: 2, found: 1)),
        (.cpt, "99213,Visit\n99214,  \n", 2, .emptyField("description")),
        (.icd10cm, "E11.9,Diabetes\nI10,Hypertension\ne119,Again\n", 3, .duplicate("code E119", firstLine: 1)),
        (.cpt, "99213,\"Visit\n99214,Other\n", 1, .unterminatedQuote),
        (.cpt, "99213,\"Visit\" now\n", 1, .textAfterQuote),
    ])
    func refusesABadRowWithItsLine(_ system: CodeSystem, _ text: String, _ line: Int,
                                   _ problem: CodebookParseError.Problem) {
        let error = parseError { () throws(CodebookParseError) in try CodeListFile.parse(bytes(text), system: system) }
        #expect(error == CodebookParseError(kind: .codeList(system), line: line, problem: problem))
    }

    @Test func refusesInvalidUTF8AndOverlongLines() {
        let latin1 = bytes("99213,Visit\n99214,Caf") + [0xE9] + bytes("\n")
        let error = parseError { () throws(CodebookParseError) in try CodeListFile.parse(latin1, system: .cpt) }
        #expect(error == CodebookParseError(kind: .codeList(.cpt), line: 2, problem: .invalidUTF8))
        let long = "99213,Visit\n99214," + String(repeating: "a", count: 4091) + "\n"
        let longError = parseError { () throws(CodebookParseError) in try CodeListFile.parse(bytes(long), system: .cpt) }
        #expect(longError == CodebookParseError(kind: .codeList(.cpt), line: 2, problem: .lineTooLong(bytes: 4097)))
        let exactly4096 = "99214," + String(repeating: "a", count: 4090)
        #expect(throws: Never.self) { try CodeListFile.parse(bytes(exactly4096), system: .cpt) }
    }

    @Test func refusesEmptyFilesAndEditSystems() {
        let empty = parseError { () throws(CodebookParseError) in try CodeListFile.parse(bytes("code,description\n"), system: .cpt) }
        #expect(empty == CodebookParseError(kind: .codeList(.cpt), line: nil, problem: .noRows))
        let ncci = parseError { () throws(CodebookParseError) in try CodeListFile.parse(bytes("99213,Visit"), system: .ncciPTP) }
        #expect(ncci?.problem == .unsupportedSystem(.ncciPTP))
        #expect(ncci?.description == "CPT or HCPCS code list: NCCI_PTP releases are not code lists")
    }
}
