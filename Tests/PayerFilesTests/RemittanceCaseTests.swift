import CLITesting
import PayerFiles
import Testing

/// Issue 17's 835 cases: each hand-written file passes pyx12, reads, balances, and gives the
/// claim money the case expects, to the cent.
@Suite("835 cases: from the file to the claim's money")
struct RemittanceCaseTests {
    @Test(arguments: RemittanceCase.allCases)
    func theFileIsValidX12(_ scenario: RemittanceCase) throws {
        try X12Validator.expectValid(scenario.text, name: scenario.rawValue)
    }

    @Test func theReversalsOriginalIsValidX12() throws {
        try X12Validator.expectValid(RemittanceCase.reversalOriginal, name: "reversal-original")
    }

    @Test(arguments: RemittanceCase.allCases)
    func theMoneyIsRight(_ scenario: RemittanceCase) throws {
        var postings: [PaymentPosting] = []
        let files = scenario == .reversalThenRepayment ? [RemittanceCase.reversalOriginal, scenario.text] : [scenario.text]
        for (fileIndex, text) in files.enumerated() {
            let read = try PayerFile.readRemittance(text)
            #expect(read.file.warnings.isEmpty, "\(read.file.warnings)")
            for (claimIndex, claim) in read.remittances.flatMap(\.claims).enumerated() {
                postings.append(PaymentPosting(id: "\(fileIndex)-\(claimIndex)", claim))
            }
        }
        let expected = scenario.expected
        let money = ClaimMoney(ClaimMoneyFacts(chargeCents: expected.charge, postings: postings))
        #expect(money.paidCents == expected.paid)
        #expect(money.contractualAdjustmentCents == expected.contractual)
        #expect(money.otherAdjustmentCents == 0)
        #expect(money.patientResponsibility.deductibleCents == expected.deductible)
        #expect(money.patientResponsibility.coinsuranceCents == expected.coinsurance)
        #expect(money.patientResponsibility.copayCents == expected.copay)
        #expect(money.patientResponsibility.otherCents == 0)
        #expect(money.patientBalanceCents == expected.patient)
        #expect(money.insuranceBalanceCents == 0)
        #expect(money.balanceFrom == (expected.patient > 0 ? .patient : .nobody))
        #expect(money.status?.rawValue == expected.status.rawValue)
        #expect(money.deniedLines.map(\.procedureCode) == expected.deniedLines)
        #expect(money.denialReasons == expected.denialReasons)
        #expect(money.unmatchedReversals.isEmpty)
    }

    @Test func theProviderLevelAdjustmentsAreKeptAndBalanceThePayment() throws {
        let remittance = try #require(try PayerFile.readRemittance(RemittanceCase.providerLevelAdjustment.text).remittances.first)
        #expect(remittance.totalPaidCents == 72_50)
        #expect(remittance.claimPaidCents == 100_00)
        #expect(remittance.providerAdjustments.map(\.reason) == ["L6", "WO"])
        #expect(remittance.providerAdjustments.map(\.amountCents) == [-2_50, 30_00])
        #expect(remittance.providerAdjustments.map(\.reference) == [nil, "C1999"])
        #expect(remittance.providerAdjustments.first?.fiscalPeriodDate?.description == "2025-12-31")
    }

    @Test func theReversalCarriesNegativeAmountsAndTheSamePayerControlNumber() throws {
        let claims = try PayerFile.readRemittance(RemittanceCase.reversalThenRepayment.text).remittances[0].claims
        #expect(claims.map(\.status) == [.reversal, .processed])
        #expect(claims.map(\.paidCents) == [-150_00, 170_00])
        #expect(claims.map(\.chargeCents) == [-200_00, 200_00])
        #expect(claims.map(\.payerClaimControlNumber) == ["PCN2008", "PCN2008"])
    }

    @Test func linesKeepProcedureModifiersDatesAndAllowedAmounts() throws {
        let copay = try PayerFile.readRemittance(RemittanceCase.copay.text).remittances[0]
        let line = try #require(copay.claims.first?.lines.first)
        #expect(line.qualifier == "HC")
        #expect(line.procedureCode == "99213")
        #expect(line.modifiers == ["25"])
        #expect(line.units == "1")
        #expect(line.serviceDates?.lowerBound.description == "2025-01-10")
        #expect(copay.claims.first?.patientResponsibilityCents == 25_00)
        #expect(copay.payer.name == "DEMO HEALTH PLAN")
        #expect(copay.payee.idQualifier == "XX")
        #expect(copay.payee.id == "1234567893")
        #expect(copay.traceNumber == "CHK10001")
        #expect(copay.traceOriginatorID == "1999999999")
        let deductible = try PayerFile.readRemittance(RemittanceCase.deductibleAndCoinsurance.text).remittances[0]
        #expect(deductible.claims[0].lines[0].allowedCents == 180_00)
        #expect(deductible.claims[0].lines[0].adjustments == [
            Adjustment(group: .patientResponsibility, reason: "1", amountCents: 40_00),
            Adjustment(group: .patientResponsibility, reason: "2", amountCents: 20_00),
            Adjustment(group: .contractual, reason: "45", amountCents: 20_00),
        ])
    }
}

/// Files holding more than one transaction set, or the wrong kind.
@Suite("835 files with several transaction sets")
struct SeveralTransactionSetsTests {
    static let twoPayees = X12Files.interchange(
        functionalID: "HP", version: "005010X221A1", transaction: "835",
        bodies: [X12Files.body(of: RemittanceCase.copay.text),
                 X12Files.body(of: RemittanceCase.contractualWriteOff.text).map {
                     $0.replacingOccurrences(of: "N1*PE*LAKESIDE FAMILY MEDICINE*XX*1234567893", with: "N1*PE*RIVERSIDE PEDIATRICS*XX*1003347634")
                         .replacingOccurrences(of: "TRN*1*CHK10001", with: "TRN*1*CHK20001")
                 }])

    @Test func twoPaymentsToTwoPayeesAreValidAndReadApart() throws {
        try X12Validator.expectValid(Self.twoPayees, name: "two-payees")
        let remittances = try PayerFile.readRemittance(Self.twoPayees).remittances
        #expect(remittances.map(\.payee.id) == ["1234567893", "1003347634"])
        #expect(remittances.map(\.transactionControlNumber) == ["0001", "0002"])
        #expect(remittances.map(\.traceNumber) == ["CHK10001", "CHK20001"])
        #expect(remittances.map(\.totalPaidCents) == [105_00, 180_00])
        #expect(remittances.map { $0.claims.map(\.claimNumber) } == [["C2003"], ["C2004"]])
        #expect(remittances.map(\.traceKey) == ["1999999999|CHK10001", "1999999999|CHK20001"])
    }

    @Test func theSamePaymentReadTwiceHasTheSameTraceKey() throws {
        let first = try PayerFile.readRemittance(RemittanceCase.copay.text).remittances[0]
        let again = try PayerFile.readRemittance(RemittanceCase.copay.text.replacingOccurrences(of: "\n", with: "")).remittances[0]
        #expect(first.traceKey == again.traceKey)
        #expect(first.traceKey != (try PayerFile.readRemittance(RemittanceCase.reversalThenRepayment.text).remittances[0].traceKey))
    }

    @Test func aClaimStatusResponseIsNotAClaimAcknowledgment() {
        let text = X12Files.claimAcknowledgment(claims: [(number: "C3001", stc: "STC*A2:20*20250302*WQ*125")])
            .replacingOccurrences(of: "005010X214", with: "005010X212")
        expectRefusal("segment 3 (ST): 277 version 005010X212 (GS08) is not 005010X214 (this reader reads claim acknowledgments, 277CA, only)") { _ = try PayerFile.read(text) }
    }

    @Test func aFileMixingTransactionsIsRefused() {
        let remittance = X12Files.body(of: RemittanceCase.copay.text)
        let text = X12Files.interchange(functionalID: "HP", version: "005010X221A1", transaction: "835",
                                        bodies: [remittance, remittance])
            .replacingOccurrences(of: "ST*835*0002", with: "ST*999*0002")
        expectRefusal("segment 3 (ST): the file mixes transactions 835, 999; one payer file holds one kind") { _ = try PayerFile.read(text) }
    }
}
