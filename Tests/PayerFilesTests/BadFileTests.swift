import PayerFiles
import Testing

/// Bad payer files (DESIGN §8): each refused with one line that names the segment.
@Suite("bad payer files are refused in one line naming the segment")
struct BadFileTests {
    /// A good 835 damaged one way, and the message it must give.
    enum Damage: String, CaseIterable, Sendable {
        case empty, garbage, notX12ButText, truncatedInsideASegment, truncatedBeforeTrailers, truncatedInsideHeader
        case wrongInterchangeVersion, wrongGuideVersion, wrongTransactionForRemit, segmentCountWrong
        case setControlMismatch, groupCountWrong, groupControlMismatch, claimUnbalanced, lineUnbalanced
        case paymentUnbalanced, amountWithFractionsOfACent, amountNotANumber, unknownClaimStatus
        case unknownAdjustmentGroup, noPayee, afterInterchange

        var text: String {
            let good = RemittanceCase.deductibleAndCoinsurance.text
            func replacing(_ old: String, _ new: String) -> String { good.replacingOccurrences(of: old, with: new) }
            switch self {
            case .empty: return ""
            case .garbage: return "\u{00}\u{01}PK\u{03}\u{04} not a payer file at all"
            case .notX12ButText: return "claim,paid\nC2002,120.00\n"
            case .truncatedInsideASegment: return String(good.prefix(good.count - 44))
            case .truncatedBeforeTrailers: return good.components(separatedBy: "\nSE*").first! + "\n"
            case .truncatedInsideHeader: return String(good.prefix(60))
            case .wrongInterchangeVersion: return replacing("*00501*", "*00401*")
            case .wrongGuideVersion: return replacing("*X*005010X221A1", "*X*004010X091A1")
            case .wrongTransactionForRemit: return replacing("ST*835*", "ST*837*")
            case .segmentCountWrong: return replacing("SE*", "SE*9")
            case .setControlMismatch: return replacing("SE*18*0001", "SE*18*0002")
            case .groupCountWrong: return replacing("GE*1*", "GE*2*")
            case .groupControlMismatch: return replacing("GE*1*101", "GE*1*102")
            case .claimUnbalanced: return replacing("CLP*C2002*1*200*120", "CLP*C2002*1*200*125").replacingOccurrences(of: "BPR*I*120", with: "BPR*I*125")
            case .lineUnbalanced: return replacing("SVC*HC:99214*200*120", "SVC*HC:99214*200*110")
            case .paymentUnbalanced: return replacing("BPR*I*120", "BPR*I*121")
            case .amountWithFractionsOfACent: return replacing("CAS*CO*45*20", "CAS*CO*45*20.005")
            case .amountNotANumber: return replacing("CAS*CO*45*20", "CAS*CO*45*2E1")
            case .unknownClaimStatus: return replacing("CLP*C2002*1*", "CLP*C2002*25*")
            case .unknownAdjustmentGroup: return replacing("CAS*CO*45", "CAS*XX*45")
            case .noPayee:
                return replacing("N1*PE*LAKESIDE FAMILY MEDICINE*XX*1234567893~\n", "").replacingOccurrences(of: "SE*18*", with: "SE*17*")
            case .afterInterchange: return good + good
            }
        }

        /// The one line it must give.
        var message: String {
            switch self {
            case .empty, .garbage, .notX12ButText:
                return "file: this is not an X12 file: it does not begin with an ISA interchange header"
            case .truncatedInsideASegment: return "segment 19: the file ends inside a segment (no terminator `~` after it)"
            case .truncatedBeforeTrailers:
                return "segment 20 (SE): the file ends inside transaction set 0001 (segment 3): no SE, GE or IEA"
            case .truncatedInsideHeader:
                return "segment 1 (ISA): the file ends inside the interchange header (it needs 16 elements and a terminator)"
            case .wrongInterchangeVersion:
                return "segment 1 (ISA): interchange version 00401 is not 00501 (X12 5010): this reader reads 5010 files only"
            case .wrongGuideVersion:
                return "segment 2 (GS): version 004010X091A1 is not 5010; this reader reads 005010 implementation guides only"
            case .wrongTransactionForRemit:
                return "segment 3 (ST): transaction 837 is not a payer file this reader reads (835, 999, 277CA)"
            case .segmentCountWrong:
                return "segment 20 (SE): counts 918 segments; transaction set 0001 has 18 (ST to SE): segments are missing or extra"
            case .setControlMismatch: return "segment 20 (SE): control number 0002 does not match its header's 0001 (ST02)"
            case .groupCountWrong: return "segment 21 (GE): counts 2 transaction sets; the group holds 1"
            case .groupControlMismatch: return "segment 21 (GE): control number 102 does not match its group header's 101 (GS06)"
            case .claimUnbalanced:
                return "segment 13 (CLP): claim C2002: charge 200.00 − adjustments 80.00 = 120.00, but the claim pays 125.00"
            case .lineUnbalanced:
                return "segment 15 (SVC): claim C2002, line 99214: charge 200.00 − adjustments 80.00 = 120.00, but the line pays 110.00"
            case .paymentUnbalanced:
                return "segment 4 (BPR): the payment 121.00 is not the claims' 120.00 − provider adjustments 0.00 = 120.00"
            case .amountWithFractionsOfACent:
                return "segment 18 (CAS): the adjustment amount (CAS03) `20.005` is not an amount in dollars and cents"
            case .amountNotANumber:
                return "segment 18 (CAS): the adjustment amount (CAS03) `2E1` is not an amount in dollars and cents"
            case .unknownClaimStatus:
                return "segment 13 (CLP): claim C2002: status 25 is not one this reader posts (1, 2, 3, 19, 20, 21 processed; 4 denied; 22 reversal)"
            case .unknownAdjustmentGroup: return "segment 18 (CAS): adjustment group `XX` is not CO, PR, OA or PI"
            case .noPayee: return "segment 5 (TRN): the 835 names no payee (N1*PE)"
            case .afterInterchange: return "segment 23 (ISA): follows the interchange trailer; one file holds one interchange"
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func refusedInOneLine(_ damage: Damage) {
        // The expected lines name no patient (the files carry DOE / MEMBER123).
        #expect(!damage.message.contains("DOE") && !damage.message.contains("MEMBER123"))
        expectRefusal(damage.message) { _ = try PayerFile.readRemittance(damage.text) }
    }

    @Test func aNineNineNineGivenToTheRemittanceReaderIsRefused() throws {
        let text = X12Files.acknowledgment(group: "4711", body: ["AK2*837*0042*005010X222A1", "IK5*A", "AK9*A*1*1*1"])
        expectRefusal("segment 3 (ST): transaction 999 is not an 835 remittance") { _ = try PayerFile.readRemittance(text) }
    }

    @Test func theGoodFileStillReads() throws {
        #expect(try PayerFile.readRemittance(RemittanceCase.deductibleAndCoinsurance.text).remittances.count == 1)
    }
}
