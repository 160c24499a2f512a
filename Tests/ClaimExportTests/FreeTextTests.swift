import BillingModel
import ClaimExport
import Testing

@Suite("free text: upper case, basic character set, no delimiter leaks")
struct FreeTextTests {
    typealias F = Fixture

    /// A patient and billing provider whose names and addresses are full of delimiters.
    func hostileExport() throws -> (text: String, segments: Segments) {
        var patient = F.janeDoe
        patient.firstName = "josé*maría"
        patient.lastName = "O'Brien~Núñez:Jr^"
        patient.address = Address(line1: "12 Elm St: Apt ^4 #2\nRear", city: "saint-jérôme", state: " il ", zip: "62702")
        var billing = F.lakeside
        billing.name = "Lakeside * Family ~ Medicine: Ü"
        var envelope = F.envelope
        envelope.submitter.contactName = "Billing*Office~Desk"
        let text = try Claim837PWriter().write([F.bundle(F.claim("C1001", patient: patient, billing: billing),
                                                         patient: patient, billing: billing)], envelope: envelope)
        return (text, Segments(text))
    }

    @Test func delimitersInNamesAndAddressesBecomeSpaces() throws {
        let segments = try hostileExport().segments
        #expect(segments.texts("NM1", "IL") == ["NM1*IL*1*O'BRIEN NUNEZ JR*JOSE MARIA****MI*W123456789"])
        #expect(segments.texts("NM1", "85") == ["NM1*85*2*LAKESIDE FAMILY MEDICINE U*****XX*1234567893"])
        #expect(segments.texts("N3")[1] == "N3*12 ELM ST APT 4 2 REAR")
        #expect(segments.texts("N4")[1] == "N4*SAINT-JEROME*IL*62702")
        #expect(segments.texts("PER") == ["PER*IC*BILLING OFFICE DESK*TE*2175550142"])
    }

    @Test func everySegmentKeepsItsElementCountAndOnlyBasicCharacters() throws {
        let (text, segments) = try hostileExport()
        #expect(text.filter { $0 == "~" }.count == segments.all.count)
        let basic = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"&'()+,-./;?=*:^~\n")
        #expect(text.allSatisfy(basic.contains))
        for segment in segments.all where segment[0] == "NM1" {
            #expect(segment.count <= 10, "NM1 split by a leaked delimiter: \(segment)")
        }
        for segment in segments.all where segment[0] == "N3" || segment[0] == "PER" {
            #expect(segment.allSatisfy { !$0.contains(":") && !$0.contains("^") })
        }
    }

    @Test func longNamesAreCutToTheElementMaximum() throws {
        var patient = F.janeDoe
        patient.lastName = String(repeating: "Abcdefghij", count: 8)
        patient.firstName = String(repeating: "Xy", count: 30)
        let segments = Segments(try Claim837PWriter().write([F.bundle(F.claim("C1001", patient: patient), patient: patient)],
                                                           envelope: F.envelope))
        let name = try #require(segments.only("NM1", "IL"))
        #expect(name[3].count == 60)
        #expect(name[4].count == 35)
    }
}
