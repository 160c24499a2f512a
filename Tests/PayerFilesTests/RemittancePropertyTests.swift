import BillingModel
import CLITesting
import PayerFiles
import Testing

/// Seeded property tests: random balanced 835s read back to the cent, and one cent moved
/// anywhere is refused as unbalanced, naming the segment whose rule breaks.
@Suite("835 properties (seeded)")
struct RemittancePropertyTests {
    /// A random balanced 835 and what it must read as.
    struct Generated {
        var text: String
        var totalCents: Int64
        var claims: [(number: String, charge: Int64, paid: Int64)]
        /// Segment lines (as written) whose amounts can be nudged.
        var amountLines: [String]
    }

    static let reasons: [(String, String)] = [("CO", "45"), ("CO", "97"), ("PR", "1"), ("PR", "2"), ("PR", "3"), ("OA", "23"), ("PI", "16")]

    static func generate(_ random: inout SeededRandom) -> Generated {
        func cents(_ upTo: Int64) -> Int64 { Int64(random.next() % UInt64(upTo)) }
        var claims: [[String]] = []
        var summary: [(String, Int64, Int64)] = []
        var paidTotal: Int64 = 0
        for index in 0..<(1 + Int(random.next() % 4)) {
            let number = "P\(1000 + index)"
            var lines: [String] = []
            var claimCharge: Int64 = 0, claimPaid: Int64 = 0
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let charge = 1_00 + cents(500_00)
                var left = charge
                var cas: [String] = []
                for _ in 0..<Int(random.next() % 3) {
                    let amount = cents(left + 1)
                    let reason = reasons[Int(random.next() % UInt64(reasons.count))]
                    cas.append("CAS*\(reason.0)*\(reason.1)*\(Money.x12Amount(amount))")
                    left -= amount
                }
                lines += ["SVC*HC:99213*\(Money.x12Amount(charge))*\(Money.x12Amount(left))**1", "DTM*472*20250110"] + cas
                claimCharge += charge
                claimPaid += left
            }
            claims.append(["CLP*\(number)*1*\(Money.x12Amount(claimCharge))*\(Money.x12Amount(claimPaid))**12*PCN\(number)",
                           "NM1*QC*1*DOE*JANE****MI*MEMBER123"] + lines)
            summary.append((number, claimCharge, claimPaid))
            paidTotal += claimPaid
        }
        let interest = cents(5_00)
        let total = paidTotal + interest
        let text = X12Files.remittance(total: Money.x12Amount(total), claims: claims,
                                       plb: interest > 0 ? ["PLB*1234567893*20251231*L6*-\(Money.x12Amount(interest))"] : [])
        let amountLines = text.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("CLP*") || $0.hasPrefix("SVC*") || $0.hasPrefix("CAS*") || $0.hasPrefix("BPR*")
        }
        return Generated(text: text, totalCents: total, claims: summary, amountLines: amountLines)
    }

    @Test func randomBalancedFilesReadBackToTheCent() throws {
        var random = SeededRandom(state: 20_261_207)
        for _ in 0..<200 {
            let generated = Self.generate(&random)
            let remittance = try #require(try PayerFile.readRemittance(generated.text).remittances.first)
            #expect(remittance.totalPaidCents == generated.totalCents)
            #expect(remittance.claims.map(\.claimNumber) == generated.claims.map(\.number))
            #expect(remittance.claims.map(\.chargeCents) == generated.claims.map(\.charge))
            #expect(remittance.claims.map(\.paidCents) == generated.claims.map(\.paid))
            for claim in remittance.claims {
                let money = ClaimMoney(ClaimMoneyFacts(chargeCents: claim.chargeCents, postings: [PaymentPosting(id: "1", claim)]))
                #expect(money.paidCents == claim.paidCents)
            }
        }
    }

    @Test func oneCentMovedAnywhereIsRefusedAsUnbalanced() throws {
        var random = SeededRandom(state: 424_242)
        for _ in 0..<200 {
            let generated = Self.generate(&random)
            let line = generated.amountLines[Int(random.next() % UInt64(generated.amountLines.count))]
            var elements = line.dropLast().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            let position = switch elements[0] { case "BPR": 2; case "CLP": 4; case "SVC": 3; default: 3 }
            let cents = try #require(X12Decimal.cents(elements[position]))
            elements[position] = Money.x12Amount(cents + 1)
            let damaged = generated.text.replacingOccurrences(of: line, with: elements.joined(separator: "*") + "~")
            do {
                _ = try PayerFile.readRemittance(damaged)
                Issue.record("accepted a file one cent off at \(line)")
            } catch let error as PayerFileError {
                #expect(error.kind == .unbalanced, "\(error)")
                #expect(["SVC", "CLP", "BPR"].contains(error.segmentID ?? ""), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func aGeneratedFileIsValidX12() throws {
        var random = SeededRandom(state: 7)
        try X12Validator.expectValid(Self.generate(&random).text, name: "generated")
    }
}
