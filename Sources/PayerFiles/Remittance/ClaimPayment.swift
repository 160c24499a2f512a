import BillingModel

/// What an 835 says about one claim (loop 2100, CLP): status, money, adjustments and lines.
public struct ClaimPayment: Hashable, Sendable {
    /// CLP01: the patient control number, our claim number.
    public let claimNumber: String
    /// CLP02 as DESIGN §10 maps it.
    public let status: ClaimPaymentStatus
    /// CLP02 as sent (`1`, `4`, `22`).
    public let statusCode: String
    /// CLP03: the charge the payer saw, in cents.
    public let chargeCents: Int64
    /// CLP04: what the payer paid on the claim, in cents.
    public let paidCents: Int64
    /// CLP05: the patient responsibility the payer reports, in cents, when given.
    public let patientResponsibilityCents: Int64?
    /// CLP06: the claim filing indicator (`12` PPO, `MC` Medicaid, …).
    public let filingIndicator: String?
    /// CLP07: the payer claim control number (needed for replacements and appeals).
    public let payerClaimControlNumber: String?
    /// CLP08: the facility code (place of service), when given.
    public let facilityCode: String?
    /// CLP09: the claim frequency, when given.
    public let frequencyCode: String?
    /// Claim-level CAS adjustments.
    public let adjustments: [Adjustment]
    /// The service lines (SVC loops).
    public let lines: [ServicePayment]
    /// DTM*232 / *233: the claim's statement period, when given.
    public let statementFrom: CalendarDate?
    /// DTM*233.
    public let statementTo: CalendarDate?
    /// DTM*050: when the payer received the claim.
    public let receivedDate: CalendarDate?
    /// AMT at claim level, qualifier → cents (`AU` coverage amount, `I` interest, …).
    public let amounts: [String: Int64]
    /// Remark codes at claim level (MOA03–07, MIA), in order.
    public let remarkCodes: [String]
    /// NM1*QC: the patient as the payer names them (kept to post unmatched payments later;
    /// never written to logs or messages).
    public let patient: RemittancePatient?
    /// The CLP segment's number in the file, for messages.
    public let segmentNumber: Int

    /// Every adjustment on the claim: claim level, then each line's.
    public var allAdjustments: [Adjustment] { adjustments + lines.flatMap(\.adjustments) }
}

/// CLP02 read as DESIGN §10 says.
public enum ClaimPaymentStatus: String, Hashable, Sendable, Codable {
    /// 1, 2, 3, 19, 20, 21: processed (paid fully, partly, or zero) as primary, secondary or tertiary.
    case processed
    /// 4: denied.
    case denied
    /// 22: a reversal of an earlier payment.
    case reversal

    /// The status for a CLP02 code, nil for a code this reader does not post.
    public init?(code: String) {
        switch code {
        case "1", "2", "3", "19", "20", "21": self = .processed
        case "4": self = .denied
        case "22": self = .reversal
        default: return nil
        }
    }

    /// The payer's rank for a processed code: 1 primary, 2 secondary, 3 tertiary.
    public static func payerRank(code: String) -> Int? {
        switch code {
        case "1", "19": return 1
        case "2", "20": return 2
        case "3", "21": return 3
        default: return nil
        }
    }
}

/// What an 835 says about one service line (loop 2110, SVC).
public struct ServicePayment: Hashable, Sendable {
    /// SVC01-1: the code qualifier (`HC` HCPCS/CPT, `AD`, `N4`, …).
    public let qualifier: String
    /// SVC01-2: the procedure code.
    public let procedureCode: String
    /// SVC01-3…6: the modifiers.
    public let modifiers: [String]
    /// SVC02: the line charge, in cents.
    public let chargeCents: Int64
    /// SVC03: what was paid on the line, in cents.
    public let paidCents: Int64
    /// SVC05: the units paid, as sent (`1`, `1.00`), when given.
    public let units: String?
    /// SVC06: the procedure as submitted, when the payer changed it.
    public let submittedProcedureCode: String?
    /// DTM*472 (or 150–151): the date or dates of service.
    public let serviceDates: ClosedRange<CalendarDate>?
    /// The line's CAS adjustments.
    public let adjustments: [Adjustment]
    /// REF*6R: the line item control number we sent, when echoed.
    public let lineControlNumber: String?
    /// AMT*B6: the allowed amount, in cents.
    public let allowedCents: Int64?
    /// LQ*HE: remark codes on the line.
    public let remarkCodes: [String]
    /// The SVC segment's number in the file.
    public let segmentNumber: Int

    /// The line was denied: nothing paid on a charge, and not because the patient owes it.
    public var isDenied: Bool {
        paidCents == 0 && chargeCents != 0 && !adjustments.contains { $0.group == .patientResponsibility }
    }
}

/// One CAS reason/amount/quantity triple with its group.
public struct Adjustment: Hashable, Sendable, Codable {
    /// CAS01.
    public let group: AdjustmentGroup
    /// The claim adjustment reason code (CARC): `45`, `1`, `A2`.
    public let reason: String
    /// The amount in cents (negative increases the payment).
    public let amountCents: Int64
    /// The quantity, as sent, when given.
    public let quantity: String?

    /// An adjustment as given.
    public init(group: AdjustmentGroup, reason: String, amountCents: Int64, quantity: String? = nil) {
        self.group = group
        self.reason = reason
        self.amountCents = amountCents
        self.quantity = quantity
    }
}

/// CAS01: who the adjustment falls on.
public enum AdjustmentGroup: String, Hashable, Sendable, Codable, CaseIterable {
    /// CO: contractual obligation, written off by the provider.
    case contractual = "CO"
    /// PR: patient responsibility.
    case patientResponsibility = "PR"
    /// OA: other adjustment.
    case other = "OA"
    /// PI: payer-initiated reduction.
    case payerInitiated = "PI"
}

/// The patient as an 835 names them (NM1*QC): kept for matching unmatched payments.
public struct RemittancePatient: Hashable, Sendable {
    /// NM103.
    public let lastName: String
    /// NM104.
    public let firstName: String?
    /// NM109 (NM108 `MI` member id, …).
    public let identifier: String?
}
