import PayerFiles
import Testing

/// The shipped code lists and the parser for an office's full list.
@Suite("CARC, RARC and 277 status code lists")
struct CodeListTests {
    @Test func theBundledListsHoldTheCommonCodes() {
        let lists = PayerCodeLists.bundled
        for code in ["1", "2", "3", "45", "50", "97", "A2", "16", "18", "29", "96", "23"] {
            #expect(lists.adjustmentReasons.description(of: code) != nil, "CARC \(code)")
        }
        for code in ["M15", "N130", "MA01", "N56"] { #expect(lists.remarks.description(of: code) != nil, "RARC \(code)") }
        for code in ["A1", "A2", "A3", "A4", "A6", "A7", "A8"] {
            #expect(lists.claimStatusCategories.description(of: code) != nil, "category \(code)")
        }
        for code in ["0", "19", "20", "21", "33", "562"] { #expect(lists.claimStatuses.description(of: code) != nil, "status \(code)") }
        #expect(lists.adjustmentWords(group: .contractual, reason: "45") == "CO 45: charge above the fee schedule or contracted amount")
        #expect(lists.adjustmentWords(group: .other, reason: "ZZ9") == "OA ZZ9: reason code ZZ9")
        #expect(lists.statusWords(category: "A3", status: "999", entity: nil) == "rejected: returned as unprocessable; status 999")
    }

    @Test func anOfficesFullListImportsAndWinsWhereItOverlaps() throws {
        let text = """
        # exported from the office's subscription
        code,description
        45,"Charge exceeds fee schedule, office wording"
        "B22","A code we do not ship"
        N/A,
        """.replacingOccurrences(of: "N/A,\n", with: "").replacingOccurrences(of: "\nN/A,", with: "")
        let imported = try PayerCodeListFile.parse(text, kind: .adjustmentReason)
        #expect(imported.descriptions == ["45": "Charge exceeds fee schedule, office wording", "B22": "A code we do not ship"])
        let merged = PayerCodeLists.bundled.merging(imported)
        #expect(merged.adjustmentReasons.description(of: "45") == "Charge exceeds fee schedule, office wording")
        #expect(merged.adjustmentReasons.description(of: "B22") == "A code we do not ship")
        #expect(merged.adjustmentReasons.description(of: "1") == PayerCodeLists.bundled.adjustmentReasons.description(of: "1"))
        #expect(merged.remarks == PayerCodeLists.bundled.remarks)
    }

    @Test func tabSeparatedWithWindowsLineEndsImports() throws {
        let list = try PayerCodeListFile.parse("M15\tbundled\r\nN130\tsee plan\r\n", kind: .remark)
        #expect(list.descriptions == ["M15": "bundled", "N130": "see plan"])
    }

    @Test(arguments: [
        ("45,ok\n45,again\n", "line 2: code 45 appears twice"),
        ("45,ok\nnot a code,x\n", "line 2: `not a code` is not a code (1 to 6 capital letters or digits)"),
        ("45,\n", "line 1: code 45 has no description"),
        ("45,\"open\n", "line 1: a quoted field is not closed"),
        ("# only a comment\n", "code list: the file holds no codes"),
    ])
    func badListsAreRefusedNamingTheLine(_ text: String, _ message: String) {
        #expect(throws: PayerCodeListError.self) { try PayerCodeListFile.parse(text, kind: .adjustmentReason) }
        do { _ = try PayerCodeListFile.parse(text, kind: .adjustmentReason) } catch { #expect("\(error)" == message) }
    }
}
