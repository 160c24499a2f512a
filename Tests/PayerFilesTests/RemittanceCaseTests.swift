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
