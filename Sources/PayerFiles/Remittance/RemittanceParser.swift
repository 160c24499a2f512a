import BillingModel

/// Reads an 835 transaction set (005010X221A1) into a ``Remittance`` and checks that it balances.
enum RemittanceParser {
    /// The versions accepted in GS08.
    static let versions: Set<String> = ["005010X221A1", "005010X221"]

    static func parse(_ set: X12TransactionSet, warnings: inout [PayerFileWarning]) throws -> Remittance {
        guard set.id == "835" else {
            throw PayerFileError(.unsupported, at: set.header, "transaction \(set.id) is not an 835 remittance")
        }
        try set.requireVersion(versions, "005010X221A1")
        var cursor = SegmentCursor(set.segments)
        let bpr = try set.opening(&cursor, "BPR", "the payment")
        let total = try bpr.amount(2, "the total paid")
        guard let trn = cursor.take("TRN") else {
            throw PayerFileError(.malformed, segmentNumber: bpr.number + 1, segmentID: cursor.nextID,
                                 "the reassociation trace (TRN) must follow the payment (BPR)")
        }
        var header = Header()
        var claims: [ClaimPayment] = []
        var adjustments: [ProviderAdjustment] = []
        while let segment = cursor.peek {
            switch segment.id {
            case "CLP":
                claims.append(try ClaimLoop.read(&cursor, warnings: &warnings))
            case "PLB":
                _ = cursor.next()
                adjustments += try providerAdjustments(segment, warnings: &warnings)
            default:
                _ = cursor.next()
                guard claims.isEmpty else {
                    throw PayerFileError(.malformed, at: segment, "cannot stand after the claims of an 835 (only CLP loops and PLB)")
                }
                try header.take(segment, warnings: &warnings)
            }
        }
        header.close()
        guard let payer = header.payer else {
            throw PayerFileError(.malformed, at: trn, "the 835 names no payer (N1*PR)")
        }
        guard let payee = header.payee else {
            throw PayerFileError(.malformed, at: trn, "the 835 names no payee (N1*PE)")
        }
        let remittance = Remittance(
            handlingCode: bpr[1], totalPaidCents: total, creditDebit: bpr[3], paymentMethod: bpr[4],
            paymentDate: X12Date.tolerated(bpr, 16, "the payment date", warnings: &warnings),
            traceNumber: try trn.required(2, "the trace number"), traceOriginatorID: trn.optional(3),
            productionDate: header.productionDate, payer: payer, payee: payee, claims: claims,
            providerAdjustments: adjustments, transactionControlNumber: set.controlNumber)
        try RemittanceBalance.check(remittance, bpr: bpr)
        return remittance
    }

    /// PLB: a provider id, a date, then up to six reason:reference / amount pairs.
    static func providerAdjustments(_ plb: X12ReadSegment, warnings: inout [PayerFileWarning]) throws -> [ProviderAdjustment] {
        let provider = try plb.required(1, "the provider id")
        let date = X12Date.tolerated(plb, 2, "the fiscal period date", warnings: &warnings)
        var result: [ProviderAdjustment] = []
        var position = 3
        while position <= 13, !plb[position].isEmpty {
            let reason = plb.components(position)
            let amount = try plb.amount(position + 1, "the adjustment amount")
            result.append(ProviderAdjustment(providerID: provider, fiscalPeriodDate: date, reason: reason[0],
                                             reference: reason.count > 1 && !reason[1].isEmpty ? reason[1] : nil,
                                             amountCents: amount))
            position += 2
        }
        guard !result.isEmpty else {
            throw PayerFileError(.malformed, at: plb, "carries no adjustment reason and amount (PLB03/PLB04)")
        }
        return result
    }

    /// The 835 header between TRN and the first claim: dates and the payer and payee loops.
    struct Header {
        var productionDate: CalendarDate?
        var payer: RemittanceParty?
        var payee: RemittanceParty?
        private var current: String?
        private var name = "", qualifier: String?, id: String?, references: [String: String] = [:]

        mutating func take(_ segment: X12ReadSegment, warnings: inout [PayerFileWarning]) throws {
            switch segment.id {
            case "DTM" where segment[1] == "405" && current == nil:
                productionDate = X12Date.tolerated(segment, 2, "the production date", warnings: &warnings)
            case "N1":
                close()
                guard ["PR", "PE"].contains(segment[1]) else {
                    throw PayerFileError(.malformed, at: segment, "entity \(segment[1]) is neither the payer (PR) nor the payee (PE)")
                }
                current = segment[1]
                name = try segment.required(2, "the name")
                qualifier = segment.optional(3)
                id = segment.optional(4)
                references = [:]
            case "REF" where current != nil:
                references[segment[1]] = segment[2]
            case "LX", "TS3", "TS2":
                close()
            default:
                break // CUR, REF, DTM, N3, N4, PER, RDM: read past; they do not change the money.
            }
        }

        mutating func close() {
            guard let role = current else { return }
            let party = RemittanceParty(name: name, idQualifier: qualifier, id: id, references: references)
            if role == "PR" { payer = party } else { payee = party }
            current = nil
        }
    }
}
