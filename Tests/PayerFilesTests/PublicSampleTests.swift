import CLITesting
import PayerFiles
import Testing

/// The public files no one here wrote (Fixtures/LICENSES.md), read with their expected totals
/// and their flaws tolerated or refused as the samples' README says.
@Suite("public 835 / 999 / 277CA samples")
struct PublicSampleTests {
    @Test func managedCareReadsTwoClaimsWithTheirTotals() throws {
        let read = try PayerFile.readRemittance(try X12Files.fixture("managed-care.835"))
        let remittance = try #require(read.remittances.first)
        #expect(remittance.totalPaidCents == 945_00)
        #expect(remittance.paymentMethod == "ACH")
        #expect(remittance.traceNumber == "7170066655")
        #expect(remittance.payer.name == "RUSHMORE LIFE")
        #expect(remittance.claims.map(\.claimNumber) == ["5554555444", "8765432112"])
        #expect(remittance.claims.map(\.chargeCents) == [800_00, 1200_00])
        #expect(remittance.claims.map(\.paidCents) == [450_00, 495_00])
        #expect(remittance.claims.map(\.payerClaimControlNumber) == ["94060555410000", "94077799230000"])
        #expect(remittance.claims[0].adjustments == [Adjustment(group: .contractual, reason: "A2", amountCents: 50_00)])
        #expect(remittance.claims[1].lines[0].adjustments.map(\.amountCents) == [600_00, 50_00])
        #expect(remittance.claims[1].lines[0].serviceDates.map { "\($0.lowerBound)…\($0.upperBound)" } == "2002-03-10…2002-03-12")
        // BPR16 20002316 is not a date: tolerated (it does not change the money) and said.
        #expect(remittance.paymentDate == nil)
        #expect(read.file.warnings.map(\.description) == [
            "segment 4 (BPR): the payment date (BPR16) `20002316` is not a real date; read as no date",
        ])
        let money = remittance.claims.map { ClaimMoney(ClaimMoneyFacts(chargeCents: $0.chargeCents, postings: [PaymentPosting(id: "1", $0)])) }
        #expect(money.map(\.patientResponsibility.deductibleCents) == [300_00, 600_00])
        #expect(money.map(\.contractualAdjustmentCents) == [50_00, 105_00])
        #expect(money.map(\.insuranceBalanceCents) == [0, 0])
    }

    @Test func secondaryPayerWithAnArrowInsideTheProcedureReads() throws {
        let read = try PayerFile.readRemittance(try X12Files.fixture("cob-contractural-adjustment.835"))
        let claim = try #require(read.remittances.first?.claims.first)
        #expect(read.remittances[0].totalPaidCents == 34_00)
        #expect(claim.statusCode == "2")
        #expect(claim.status == .processed)
        #expect(claim.lines[0].procedureCode == "55669")
        #expect(claim.lines[0].qualifier == "HC")
        #expect(claim.lines[0].adjustments.map(\.amountCents) == [516_00, -9_00])
        #expect(claim.lines[0].units == "1.00")
        #expect(read.file.warnings.map(\.description) == [
            "segment 21 (SVC): the procedure (SVC01) uses `>` between its components although the header announces `:`; read with `>`",
        ])
        let money = ClaimMoney(ClaimMoneyFacts(chargeCents: 541_00, postings: [PaymentPosting(id: "1", claim)]))
        #expect(money.paidCents == 34_00)
        #expect(money.otherAdjustmentCents == -9_00) // OA 23 is the prior payer's money, not an adjustment here
    }

    @Test func acceptedNineNineNineReadsDespiteItsFlaws() throws {
        let file = try PayerFile.read(try X12Files.fixture("999-accepted.x12"))
        guard case let .functionalAcknowledgments(acks) = file.content else { Issue.record("not a 999"); return }
        #expect(acks.count == 1)
        #expect(acks[0].groupControlNumber == "17456")
        #expect(acks[0].outcome == .accepted)
        #expect(acks[0].transactionSets.map(\.controlNumber) == ["0001"])
        #expect(acks[0].transactionSets.map(\.outcome) == [.accepted])
        #expect(file.warnings.map(\.description) == [
            "segment 2 (GS): time (GS05) `102497` is not a real time of day; tolerated",
            "segment 10 (IEA): control number 000000001 differs from the header's 000000286; tolerated (the counts close the interchange)",
        ])
    }

    @Test func rejectedNineNineNineWithABarComponentSeparatorSaysWhy() throws {
        let file = try PayerFile.read(try X12Files.fixture("999-rejected.x12"))
        guard case let .functionalAcknowledgments(acks) = file.content else { Issue.record("not a 999"); return }
        #expect(file.interchange.delimiters.component == UInt8(ascii: "|"))
        let set = try #require(acks.first?.transactionSets.first)
        #expect(acks[0].outcome == .rejected)
        #expect(acks[0].groupControlNumber == "28")
        #expect(set.controlNumber == "0028")
        #expect(set.outcome == .rejected)
        #expect(set.segmentErrors.map(\.description) == ["segment NM at 17: segment id not recognised (code 1)"])
        #expect(set.segmentErrors[0].segmentID == "NM")
        #expect(set.segmentErrors[0].position == 17)
        #expect(set.setErrors == ["one or more segments have errors (code 5)"])
        #expect(file.warnings.isEmpty)
    }

    @Test func acceptedTwoSevenSevenCAReadsTheClaim() throws {
        let file = try PayerFile.read(try X12Files.fixture("277ca-accepted.x12"))
        guard case let .claimAcknowledgments(reports) = file.content else { Issue.record("not a 277CA"); return }
        let claim = try #require(reports.first?.claims.first)
        #expect(reports[0].claims.count == 1)
        #expect(claim.claimNumber == "5781")
        #expect(claim.outcome == .accepted)
        #expect(claim.statuses.map(\.category) == ["A2"])
        #expect(claim.payerClaimControlNumber == "1107000000014420")
        #expect(claim.chargeCents == 125_00)
        #expect(reports[0].receiverStatuses.map(\.category) == ["A1"])
        // DTP*472 10010101 is a real (if unlikely) date; the missing 2200C STC is not needed to place the claim.
        #expect(claim.serviceDates?.lowerBound.description == "1001-01-01")
        #expect(file.warnings.map(\.description) == [
            "segment 16 (HL): the billing provider level (HL 3) has no status (STC); tolerated: each claim carries its own",
        ])
    }
}
