import Foundation
import BillingModel
import ClaimExport
import Testing

@Suite("envelope: ISA fixed width, control numbers, counts")
struct EnvelopeFormatTests {
    let text: String
    let segments: Segments

    init() throws {
        text = try Claim837PWriter().write([Fixture.simpleBundle("C1001"), Fixture.simpleBundle("C1002")],
                                           envelope: Fixture.envelope)
        segments = Segments(text)
    }

    @Test func isaIsExactly106CharactersWithPaddedFields() throws {
        let isa = try #require(text.split(separator: "\n").first)
        #expect(isa.count == 106)
        #expect(isa == "ISA*00*          *00*          *ZZ*LAKESIDE01     *ZZ*PRAIRIECH      *250115*0905*^*00501*000004711*0*T*:~")
    }

    @Test(arguments: [(1, "000000001"), (4711, "000004711"), (999_999_999, "999999999")])
    func interchangeControlNumberIsNineDigits(_ number: Int, _ expected: String) throws {
        var envelope = Fixture.envelope
        envelope.interchangeControlNumber = number
        let segments = Segments(try Claim837PWriter().write([Fixture.simpleBundle()], envelope: envelope))
        #expect(segments.only("ISA")?[13] == expected)
        #expect(segments.only("IEA") == ["IEA", "1", expected])
        #expect(segments.only("ISA")?.joined(separator: "*").count == 105)
    }

    @Test(arguments: [(1, "0001"), (42, "0042"), (12345, "12345"), (999_999_999, "999999999")])
    func transactionSetControlNumberIsAtLeastFourDigits(_ number: Int, _ expected: String) throws {
        var envelope = Fixture.envelope
        envelope.transactionSetControlNumber = number
        let segments = Segments(try Claim837PWriter().write([Fixture.simpleBundle()], envelope: envelope))
        #expect(segments.only("ST") == ["ST", "837", expected, "005010X222A1"])
        #expect(segments.only("SE")?[2] == expected)
        #expect(segments.only("BHT")?[3] == expected)
    }

    @Test func groupHeaderAndTrailerMatch() throws {
        #expect(segments.only("GS") == ["GS", "HC", "LAKESIDE01", "PRAIRIECH", "20250115", "0905", "4711", "X", "005010X222A1"])
        #expect(segments.only("GE") == ["GE", "1", "4711"])
        #expect(segments.only("BHT") == ["BHT", "0019", "00", "0042", "20250115", "0905", "CH"])
    }

    @Test func productionUsageAndAcknowledgmentFlagsReachTheISA() throws {
        var envelope = Fixture.envelope
        envelope.usage = .production
        envelope.acknowledgmentRequested = true
        let isa = try #require(Segments(try Claim837PWriter().write([Fixture.simpleBundle()], envelope: envelope)).only("ISA"))
        #expect(isa[14] == "1")
        #expect(isa[15] == "P")
    }

    @Test func seCountsEverySegmentFromSTToSE() throws {
        let all = segments.all.map { $0[0] }
        let start = try #require(all.firstIndex(of: "ST"))
        let end = try #require(all.firstIndex(of: "SE"))
        #expect(segments.only("SE")?[1] == String(end - start + 1))
    }

    @Test func submitterAndReceiverLoops() throws {
        #expect(segments.texts("NM1", "41") == ["NM1*41*2*LAKESIDE FAMILY MEDICINE*****46*LAKESIDE01"])
        #expect(segments.texts("PER") == ["PER*IC*BILLING OFFICE*TE*2175550142"])
        #expect(segments.texts("NM1", "40") == ["NM1*40*2*PRAIRIE CLEARINGHOUSE*****46*PRAIRIECH"])
    }

    @Test func everySegmentEndsWithTheTerminatorAndALineBreak() {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("~") && $0.filter { $0 == "~" }.count == 1 })
        #expect(lines.count - 1 == segments.all.count)
    }

    @Test func lineBreaksCanBeTurnedOff() throws {
        let oneLine = try Claim837PWriter(lineBreakAfterSegment: false).write([Fixture.simpleBundle("C1001"),
                                                                              Fixture.simpleBundle("C1002")],
                                                                             envelope: Fixture.envelope)
        #expect(!oneLine.contains("\n"))
        #expect(oneLine == text.replacingOccurrences(of: "\n", with: ""))
    }

    @Test func sameInputGivesTheSameFile() throws {
        let again = try Claim837PWriter().write([Fixture.simpleBundle("C1001"), Fixture.simpleBundle("C1002")],
                                                envelope: Fixture.envelope)
        #expect(again == text)
    }

    @Test func creationTimeParsesBothSpellings() {
        #expect(X12Time("0930")?.hhmm == "0930")
        #expect(X12Time("09:30") == X12Time(hour: 9, minute: 30))
        #expect(X12Time("2460") == nil)
        #expect(X12Time("930") == nil)
        #expect(X12Time(hour: 24, minute: 0) == nil)
    }
}
