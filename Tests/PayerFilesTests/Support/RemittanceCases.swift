/// The 835 cases of issue 17, each a hand-written file and the money it must give.
enum RemittanceCase: String, CaseIterable, Sendable {
    case paidInFull
    case deductibleAndCoinsurance
    case copay
    case contractualWriteOff
    case oneLineOfTwoDenied
    case wholeClaimDenial
    case zeroPayProcessed
    case reversalThenRepayment
    case providerLevelAdjustment

    static let service = "DTM*472*20250110"

    /// The 835's text.
    var text: String {
        switch self {
        case .paidInFull:
            return X12Files.remittance(total: "100", claims: [[
                "CLP*C2001*1*100*100**12*PCN2001", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                "SVC*HC:99213*100*100**1", Self.service,
            ]])
        case .deductibleAndCoinsurance:
            return X12Files.remittance(total: "120", claims: [[
                "CLP*C2002*1*200*120*60*12*PCN2002", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                "SVC*HC:99214*200*120**1", Self.service, "CAS*PR*1*40**2*20", "CAS*CO*45*20", "AMT*B6*180",
            ]])
        case .copay:
            return X12Files.remittance(total: "105", claims: [[
                "CLP*C2003*1*150*105*25*12*PCN2003", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                "SVC*HC:99213:25*150*105**1", Self.service, "CAS*PR*3*25", "CAS*CO*45*20",
            ]])
        case .contractualWriteOff:
            return X12Files.remittance(total: "180", claims: [[
                "CLP*C2004*1*300*180**12*PCN2004", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                "SVC*HC:99215*300*180**1", Self.service, "CAS*CO*45*120",
            ]])
        case .oneLineOfTwoDenied:
            return X12Files.remittance(total: "80", claims: [[
                "CLP*C2005*1*250*80**12*PCN2005", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                "SVC*HC:99213*150*80**1", Self.service, "CAS*CO*45*70",
                "SVC*HC:36415*100*0**1", Self.service, "CAS*CO*97*100",
            ]])
        case .wholeClaimDenial:
            return X12Files.remittance(total: "0", claims: [[
                "CLP*C2006*4*180*0**12*PCN2006", "CAS*CO*50*180", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
            ]])
        case .zeroPayProcessed:
            return X12Files.remittance(total: "0", claims: [[
                "CLP*C2007*1*120*0*120*12*PCN2007", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                "SVC*HC:99213*120*0**1", Self.service, "CAS*PR*1*120",
            ]])
        case .reversalThenRepayment:
            // The first payment (C2008 paid 150, coinsurance 50) came in an earlier file
            // (``reversalOriginal``); this one takes it back and pays again.
            return X12Files.remittance(total: "20", claims: [
                ["CLP*C2008*22*-200*-150*-50*12*PCN2008", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                 "SVC*HC:99214*-200*-150**1", Self.service, "CAS*PR*2*-50"],
                ["CLP*C2008*1*200*170*30*12*PCN2008", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                 "SVC*HC:99214*200*170**1", Self.service, "CAS*PR*2*30"],
            ], trace: "CHK10002")
        case .providerLevelAdjustment:
            return X12Files.remittance(total: "72.5", claims: [[
                "CLP*C2009*1*100*100**12*PCN2009", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
                "SVC*HC:99213*100*100**1", Self.service,
            ]], plb: ["PLB*1234567893*20251231*L6*-2.5*WO:C1999*30"])
        }
    }

    /// The earlier payment the reversal case undoes.
    static let reversalOriginal = X12Files.remittance(total: "150", claims: [[
        "CLP*C2008*1*200*150*50*12*PCN2008", "NM1*QC*1*DOE*JANE****MI*MEMBER123",
        "SVC*HC:99214*200*150**1", Self.service, "CAS*PR*2*50",
    ]], trace: "CHK10001")

    /// What the claim's money must be after the file (and, for the reversal, after the original):
    /// paid, contractual, deductible, coinsurance, copay, insurance balance, status.
    var expected: Expected {
        switch self {
        case .paidInFull: Expected(charge: 100_00, paid: 100_00, status: .paid)
        case .deductibleAndCoinsurance: Expected(charge: 200_00, paid: 120_00, contractual: 20_00, deductible: 40_00, coinsurance: 20_00, status: .paid)
        case .copay: Expected(charge: 150_00, paid: 105_00, contractual: 20_00, copay: 25_00, status: .paid)
        case .contractualWriteOff: Expected(charge: 300_00, paid: 180_00, contractual: 120_00, status: .paid)
        case .oneLineOfTwoDenied: Expected(charge: 250_00, paid: 80_00, contractual: 170_00, status: .partlyPaid, deniedLines: ["36415"])
        case .wholeClaimDenial: Expected(charge: 180_00, paid: 0, contractual: 180_00, status: .denied, denialReasons: ["50"])
        case .zeroPayProcessed: Expected(charge: 120_00, paid: 0, deductible: 120_00, status: .paid)
        case .reversalThenRepayment: Expected(charge: 200_00, paid: 170_00, coinsurance: 30_00, status: .paid)
        case .providerLevelAdjustment: Expected(charge: 100_00, paid: 100_00, status: .paid)
        }
    }

    /// Expected money, in cents.
    struct Expected {
        var charge: Int64
        var paid: Int64
        var contractual: Int64 = 0
        var deductible: Int64 = 0
        var coinsurance: Int64 = 0
        var copay: Int64 = 0
        var status: ClaimMoneyStatusName
        var deniedLines: [String] = []
        var denialReasons: [String] = []

        var patient: Int64 { deductible + coinsurance + copay }
    }
}

/// The statuses by name, so the case table reads without the module's type.
enum ClaimMoneyStatusName: String { case paid, denied, partlyPaid = "partly_paid" }
