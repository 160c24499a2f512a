import BillingModel

/// The 835's balancing rules (DESIGN §10): per line, per claim, and for the whole payment.
///
/// Line: SVC02 − Σ its CAS = SVC03. Claim: CLP03 − Σ claim CAS − Σ line CAS = CLP04.
/// Payment: BPR02 = Σ CLP04 − Σ PLB. A file that breaks one is refused naming the segment.
enum RemittanceBalance {
    static func check(_ remittance: Remittance, bpr: X12ReadSegment) throws {
        for claim in remittance.claims {
            for line in claim.lines {
                let adjusted = line.adjustments.reduce(0) { $0 + $1.amountCents }
                guard line.chargeCents - adjusted == line.paidCents else {
                    throw PayerFileError(.unbalanced, segmentNumber: line.segmentNumber, segmentID: "SVC",
                                         "claim \(claim.claimNumber), line \(line.procedureCode): charge \(dollars(line.chargeCents)) − adjustments \(dollars(adjusted)) = \(dollars(line.chargeCents - adjusted)), but the line pays \(dollars(line.paidCents))")
                }
            }
            let adjusted = claim.allAdjustments.reduce(0) { $0 + $1.amountCents }
            guard claim.chargeCents - adjusted == claim.paidCents else {
                throw PayerFileError(.unbalanced, segmentNumber: claim.segmentNumber, segmentID: "CLP",
                                     "claim \(claim.claimNumber): charge \(dollars(claim.chargeCents)) − adjustments \(dollars(adjusted)) = \(dollars(claim.chargeCents - adjusted)), but the claim pays \(dollars(claim.paidCents))")
            }
        }
        let expected = remittance.claimPaidCents - remittance.providerAdjustmentCents
        guard remittance.totalPaidCents == expected else {
            throw PayerFileError(.unbalanced, at: bpr,
                                 "the payment \(dollars(remittance.totalPaidCents)) is not the claims' \(dollars(remittance.claimPaidCents)) − provider adjustments \(dollars(remittance.providerAdjustmentCents)) = \(dollars(expected))")
        }
    }

    static func dollars(_ cents: Int64) -> String { Money.dollars(cents) }
}
