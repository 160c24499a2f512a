import CLITesting
import PayerFiles
import Testing

/// Hand-written 999 and 277CA files (each passing pyx12) read into outcomes with reasons in words.
@Suite("999 and 277CA acknowledgments")
struct AcknowledgmentTests {
    static let accepted999 = X12Files.acknowledgment(group: "4711", body: ["AK2*837*0042*005010X222A1", "IK5*A", "AK9*A*1*1*1"])
    static let rejected999 = X12Files.acknowledgment(group: "4711", body: [
        "AK2*837*0042*005010X222A1", "IK3*NM1*17**8", "IK4*9*67*1", "IK5*R*5", "AK9*R*1*1*0",
    ])
    static let withErrors999 = X12Files.acknowledgment(group: "4711", body: [
        "AK2*837*0042*005010X222A1", "IK3*REF*12**2", "IK5*E*5", "AK9*E*1*1*1",
    ])
    static let claims277 = X12Files.claimAcknowledgment(claims: [
        (number: "C3001", stc: "STC*A2:20*20250302*WQ*125"),
        (number: "C3002", stc: "STC*A7:21:85*20250302*U*200"),
    ])

    @Test(arguments: [("accepted-999", accepted999), ("rejected-999", rejected999), ("errors-999", withErrors999),
                      ("claims-277ca", claims277)])
    func theFilesAreValidX12(_ name: String, _ text: String) throws {
        try X12Validator.expectValid(text, name: name)
    }

    @Test func anAccepted999MatchesOurControlNumbers() throws {
        let ack = try only999(Self.accepted999)
        #expect(ack.functionalID == "HC")
        #expect(ack.groupControlNumber == "4711")
        #expect(ack.version == "005010X222A1")
        #expect(ack.outcome == .accepted)
        #expect(ack.transactionSets.map(\.controlNumber) == ["0042"])
        #expect(ack.transactionSets.map(\.outcome) == [.accepted])
        #expect(ack.includedCount == 1 && ack.receivedCount == 1 && ack.acceptedCount == 1)
    }

    @Test func aRejected999SaysWhichSegmentAndElementInWords() throws {
        let ack = try only999(Self.rejected999)
        let set = try #require(ack.transactionSets.first)
        #expect(ack.outcome == .rejected)
        #expect(set.outcome == .rejected)
        #expect(set.segmentErrors.map(\.description) == [
            "segment NM1 at 17: segment has element errors (code 8); element 9 (data element 67): required element missing (code 1)",
        ])
        #expect(set.setErrors == ["one or more segments have errors (code 5)"])
        #expect(ack.acceptedCount == 0)
    }

    @Test func acceptedWithErrorsIsItsOwnOutcome() throws {
        let ack = try only999(Self.withErrors999)
        #expect(ack.outcome == .acceptedWithErrors)
        #expect(ack.transactionSets[0].segmentErrors.map(\.problem) == ["segment not expected here (code 2)"])
    }

    @Test func theValidatorsOwn999ForOurExportReads() throws {
        // pyx12 writes GS08 005010X231 (without A1); the reader takes both.
        let file = try PayerFile.read("""
        ISA*00*          *00*          *ZZ*ETIN           *ZZ*EMEDNYBAT      *261202*0530*^*00501*612020530*0*P*:~
        GS*FA*XDZ*EMEDNYBAT*20261202*053052*604234260*X*005010X231~
        ST*999*0001*005010X231~
        AK1*HC*4711*005010X222A1~
        AK2*837*0042*005010X222A1~
        IK5*A~
        AK9*A*1*1*1~
        SE*6*0001~
        GE*1*604234260~
        IEA*1*612020530~
        """)
        guard case let .functionalAcknowledgments(acks) = file.content else { Issue.record("not a 999"); return }
        #expect(acks.map(\.outcome) == [.accepted])
    }

    @Test func a277CAAcceptsOneClaimAndRejectsTheOtherWithReasons() throws {
        let file = try PayerFile.read(Self.claims277)
        guard case let .claimAcknowledgments(reports) = file.content else { Issue.record("not a 277CA"); return }
        let report = try #require(reports.first)
        #expect(file.warnings.isEmpty)
        #expect(report.reference == "277CA0001")
        #expect(report.receiverStatuses.map(\.category) == ["A1"])
        #expect(report.providerStatuses["1234567893"]?.map(\.category) == ["A1"])
        #expect(report.claims.map(\.claimNumber) == ["C3001", "C3002"])
        #expect(report.claims.map(\.outcome) == [.accepted, .rejected])
        #expect(report.claims.map(\.chargeCents) == [125_00, 200_00])
        #expect(report.claims.map(\.payerClaimControlNumber) == ["PCNC3001", "PCNC3002"])
        #expect(report.claims[0].rejectionReasons.isEmpty)
        #expect(report.claims[1].rejectionReasons == [
            "A7/21 (85): rejected: information not valid; missing or invalid information; billing provider",
        ])
        #expect(report.claims[1].statuses[0].actionCode == "U")
        #expect(report.claims[1].billingProviderID == "1234567893")
    }

    @Test func a277ClaimWithoutItsPatientControlNumberCannotBePlaced() throws {
        let text = Self.claims277.replacingOccurrences(of: "TRN*2*C3002~", with: "TRN*1*C3002~")
        expectRefusal("segment 35 (TRN): the claim at HL 5 has no patient control number (TRN*2), so it cannot be placed") {
            _ = try PayerFile.read(text)
        }
    }

    @Test(arguments: [("A1", ClaimAcknowledgmentOutcome.accepted), ("A2", .accepted), ("A3", .rejected), ("A4", .rejected),
                      ("A6", .rejected), ("A7", .rejected), ("A8", .rejected), ("P1", .pending), ("F2", .pending)])
    func categoriesMapAsDesignSays(_ category: String, _ outcome: ClaimAcknowledgmentOutcome) {
        #expect(ClaimAcknowledgmentOutcome(category: category) == outcome)
    }

    @Test func a999WithoutItsGroupVerdictIsRefused() {
        let text = X12Files.acknowledgment(group: "4711", body: ["AK2*837*0042*005010X222A1", "IK5*A"])
        expectRefusal("segment 3 (ST): the 999 has no group verdict (AK9) where it should end") { _ = try PayerFile.read(text) }
    }

    func only999(_ text: String) throws -> FunctionalAcknowledgment {
        let file = try PayerFile.read(text)
        guard case let .functionalAcknowledgments(acks) = file.content, acks.count == 1 else {
            throw PayerFileError(.unsupported, segmentNumber: nil, segmentID: nil, "not one 999")
        }
        #expect(file.warnings.isEmpty)
        return acks[0]
    }
}
