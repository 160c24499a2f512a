import PayerFiles
import Testing

/// Claim money as a pure function over facts (DESIGN §10), by a table of cases.
@Suite("claim money from payment facts")
struct ClaimMoneyTests {
    static func posting(_ id: String, _ code: String = "1", paid: Int64, _ adjustments: [Adjustment] = [],
                        control: String? = "PCN1", denied: [DeniedLine] = [], reverses: String? = nil) -> PaymentPosting {
        PaymentPosting(id: id, status: ClaimPaymentStatus(code: code)!, statusCode: code, payerClaimControlNumber: control,
                       paidCents: paid, adjustments: adjustments, deniedLines: denied, reverses: reverses)
    }
    static func co(_ reason: String, _ cents: Int64) -> Adjustment { Adjustment(group: .contractual, reason: reason, amountCents: cents) }
    static func pr(_ reason: String, _ cents: Int64) -> Adjustment { Adjustment(group: .patientResponsibility, reason: reason, amountCents: cents) }
    static func oa(_ reason: String, _ cents: Int64) -> Adjustment { Adjustment(group: .other, reason: reason, amountCents: cents) }

    /// One case: the facts and the figures (paid, contractual, other, patient owes, patient paid,
    /// insurance balance, patient balance, from whom, status).
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let facts: ClaimMoneyFacts
        let paid: Int64, contractual: Int64, other: Int64, responsibility: Int64, patientPaid: Int64
        let insurance: Int64, patient: Int64, from: BalanceParty, status: ClaimMoneyStatus?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing posted yet", facts: ClaimMoneyFacts(chargeCents: 100_00),
             paid: 0, contractual: 0, other: 0, responsibility: 0, patientPaid: 0, insurance: 100_00, patient: 0, from: .insurance, status: nil),
        Case(name: "paid in full", facts: ClaimMoneyFacts(chargeCents: 100_00, postings: [posting("a", paid: 100_00)]),
             paid: 100_00, contractual: 0, other: 0, responsibility: 0, patientPaid: 0, insurance: 0, patient: 0, from: .nobody, status: .paid),
        Case(name: "deductible and coinsurance, patient paid part at the desk",
             facts: ClaimMoneyFacts(chargeCents: 200_00, postings: [posting("a", paid: 120_00, [pr("1", 40_00), pr("2", 20_00), co("45", 20_00)])],
                                    patientPayments: [25_00]),
             paid: 120_00, contractual: 20_00, other: 0, responsibility: 60_00, patientPaid: 25_00, insurance: 0, patient: 35_00, from: .patient, status: .paid),
        Case(name: "copay overpaid at the desk is a credit",
             facts: ClaimMoneyFacts(chargeCents: 150_00, postings: [posting("a", paid: 125_00, [pr("3", 25_00)])], patientPayments: [30_00]),
             paid: 125_00, contractual: 0, other: 0, responsibility: 25_00, patientPaid: 30_00, insurance: 0, patient: -5_00, from: .nobody, status: .paid),
        Case(name: "contractual write-off", facts: ClaimMoneyFacts(chargeCents: 300_00, postings: [posting("a", paid: 180_00, [co("45", 120_00)])]),
             paid: 180_00, contractual: 120_00, other: 0, responsibility: 0, patientPaid: 0, insurance: 0, patient: 0, from: .nobody, status: .paid),
        Case(name: "one line of two denied",
             facts: ClaimMoneyFacts(chargeCents: 250_00, postings: [posting("a", paid: 80_00, [co("45", 70_00), co("97", 100_00)],
                                                                            denied: [DeniedLine(procedureCode: "36415", chargeCents: 100_00, reasons: ["97"])])]),
             paid: 80_00, contractual: 170_00, other: 0, responsibility: 0, patientPaid: 0, insurance: 0, patient: 0, from: .nobody, status: .partlyPaid),
        Case(name: "whole-claim denial", facts: ClaimMoneyFacts(chargeCents: 180_00, postings: [posting("a", "4", paid: 0, [co("50", 180_00)])]),
             paid: 0, contractual: 180_00, other: 0, responsibility: 0, patientPaid: 0, insurance: 0, patient: 0, from: .nobody, status: .denied),
        Case(name: "zero-pay processed to the deductible",
             facts: ClaimMoneyFacts(chargeCents: 120_00, postings: [posting("a", paid: 0, [pr("1", 120_00)])]),
             paid: 0, contractual: 0, other: 0, responsibility: 120_00, patientPaid: 0, insurance: 0, patient: 120_00, from: .patient, status: .paid),
        Case(name: "reversal then re-payment",
             facts: ClaimMoneyFacts(chargeCents: 200_00, postings: [
                posting("a", paid: 150_00, [pr("2", 50_00)]), posting("b", "22", paid: -150_00, [pr("2", -50_00)]),
                posting("c", paid: 170_00, [pr("2", 30_00)]),
             ]),
             paid: 170_00, contractual: 0, other: 0, responsibility: 30_00, patientPaid: 0, insurance: 0, patient: 30_00, from: .patient, status: .paid),
        Case(name: "reversal alone leaves the claim awaiting payment again",
             facts: ClaimMoneyFacts(chargeCents: 200_00, postings: [
                posting("a", paid: 150_00, [pr("2", 50_00)]), posting("b", "22", paid: -150_00, [pr("2", -50_00)], reverses: "a"),
             ]),
             paid: 0, contractual: 0, other: 0, responsibility: 0, patientPaid: 0, insurance: 200_00, patient: 0, from: .insurance, status: nil),
        Case(name: "a reversal of a denial and a paid re-adjudication (won appeal)",
             facts: ClaimMoneyFacts(chargeCents: 180_00, postings: [
                posting("a", "4", paid: 0, [co("50", 180_00)]), posting("b", "22", paid: 0, [co("50", -180_00)]),
                posting("c", paid: 150_00, [co("45", 30_00)]),
             ]),
             paid: 150_00, contractual: 30_00, other: 0, responsibility: 0, patientPaid: 0, insurance: 0, patient: 0, from: .nobody, status: .paid),
        Case(name: "primary then secondary: OA 23 is the primary's money, the patient owes what the secondary leaves",
             facts: ClaimMoneyFacts(chargeCents: 541_00, postings: [
                posting("a", "1", paid: 400_00, [co("45", 100_00), pr("2", 41_00)], control: "P1"),
                posting("b", "2", paid: 34_00, [oa("23", 500_00), pr("2", 7_00)], control: "S1"),
             ]),
             paid: 434_00, contractual: 100_00, other: 0, responsibility: 7_00, patientPaid: 0, insurance: 0, patient: 7_00, from: .patient, status: .paid),
        Case(name: "underpaid: something still expected from insurance and from the patient",
             facts: ClaimMoneyFacts(chargeCents: 200_00, postings: [posting("a", paid: 100_00, [pr("3", 20_00)])]),
             paid: 100_00, contractual: 0, other: 0, responsibility: 20_00, patientPaid: 0, insurance: 80_00, patient: 20_00, from: .both, status: .partlyPaid),
    ]

    @Test(arguments: cases)
    func theFiguresAreRight(_ scenario: Case) {
        let money = ClaimMoney(scenario.facts)
        #expect(money.paidCents == scenario.paid)
        #expect(money.contractualAdjustmentCents == scenario.contractual)
        #expect(money.otherAdjustmentCents == scenario.other)
        #expect(money.patientResponsibility.totalCents == scenario.responsibility)
        #expect(money.patientPaidCents == scenario.patientPaid)
        #expect(money.insuranceBalanceCents == scenario.insurance)
        #expect(money.patientBalanceCents == scenario.patient)
        #expect(money.balanceCents == scenario.insurance + scenario.patient)
        #expect(money.balanceFrom == scenario.from)
        #expect(money.status == scenario.status)
    }

    @Test func aReversalThatFindsNothingToUndoIsCountedAndSaid() {
        let money = ClaimMoney(ClaimMoneyFacts(chargeCents: 100_00, postings: [Self.posting("r", "22", paid: -100_00, control: "OTHER")]))
        #expect(money.unmatchedReversals == ["r"])
        #expect(money.paidCents == -100_00)
        #expect(money.status == nil)
    }

    @Test func theSameFactsGiveTheSameMoneyWhateverElseHappened() {
        for scenario in Self.cases { #expect(ClaimMoney(scenario.facts) == ClaimMoney(scenario.facts)) }
    }
}
