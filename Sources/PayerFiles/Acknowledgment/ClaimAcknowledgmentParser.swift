import BillingModel

/// Reads a 277CA transaction set by its HL levels: 20 information source, 21 receiver,
/// 19 billing provider, PT patient (one claim each).
enum ClaimAcknowledgmentParser {
    static let versions: Set<String> = ["005010X214"]

    static func parse(_ set: X12TransactionSet, warnings: inout [PayerFileWarning]) throws -> ClaimAcknowledgmentReport {
        try set.requireVersion(versions, "005010X214 (this reader reads claim acknowledgments, 277CA, only)")
        var cursor = SegmentCursor(set.segments)
        let bht = try set.opening(&cursor, "BHT", "the 277CA header")
        var state = State()
        while let segment = cursor.next() {
            try state.take(segment, warnings: &warnings)
        }
        try state.closeClaim()
        return ClaimAcknowledgmentReport(
            controlNumber: set.controlNumber, reference: bht.optional(3),
            createdDate: X12Date.tolerated(bht, 4, "the report date", warnings: &warnings),
            receiverStatuses: state.receiverStatuses, providerStatuses: state.providerStatuses, claims: state.claims)
    }

    /// Where the walk stands and what it has gathered.
    struct State {
        var level = ""
        var providerID: String?
        /// The billing provider's HL while no STC has been seen under it (2200C requires one).
        var providerWithoutStatus: X12ReadSegment?
        var receiverStatuses: [ClaimStatus] = []
        var providerStatuses: [String: [ClaimStatus]] = [:]
        var claims: [ClaimAcknowledgment] = []
        var claim: PendingClaim?

        struct PendingClaim {
            var trn: X12ReadSegment?
            var hl: X12ReadSegment
            var statuses: [ClaimStatus] = []
            var lineStatuses: [ClaimStatus] = []
            var references: [String: String] = [:]
            var charge: Int64?
            var dates: ClosedRange<CalendarDate>?
            var inLine = false
        }

        mutating func take(_ segment: X12ReadSegment, warnings: inout [PayerFileWarning]) throws {
            switch segment.id {
            case "HL":
                try closeClaim()
                if level == "19", let provider = providerWithoutStatus {
                    warnings.append(PayerFileWarning(at: provider, "the billing provider level (HL \(provider[1])) has no status (STC); tolerated: each claim carries its own"))
                }
                providerWithoutStatus = nil
                level = segment[3]
                if level == "PT" || level == "22" { claim = PendingClaim(hl: segment) }
                if level == "19" {
                    providerID = nil
                    providerWithoutStatus = segment
                }
            case "NM1" where level == "19" && segment[1] == "85":
                providerID = segment.optional(9)
            case "TRN" where claim != nil && claim?.trn == nil:
                claim?.trn = segment
            case "STC":
                let statuses = try Self.statuses(segment, warnings: &warnings)
                switch level {
                case "21": receiverStatuses += statuses
                case "19":
                    providerStatuses[providerID ?? "", default: []] += statuses
                    providerWithoutStatus = nil
                case "PT", "22":
                    if claim?.inLine == true { claim?.lineStatuses += statuses } else {
                        claim?.statuses += statuses
                        if claim?.charge == nil { claim?.charge = try segment.optionalAmount(4, "the claim charge") }
                    }
                default: break
                }
            case "REF" where claim != nil && claim?.inLine == false:
                claim?.references[segment[1]] = segment[2]
            case "DTP" where claim != nil && claim?.inLine == false && segment[1] == "472":
                claim?.dates = X12Date.period(format: segment[2], segment[3])
                if claim?.dates == nil {
                    warnings.append(PayerFileWarning(at: segment, "the service date (DTP03) `\(segment[3])` is not a real date; read as no date"))
                }
            case "SVC" where claim != nil:
                claim?.inLine = true
            default:
                break
            }
        }

        mutating func closeClaim() throws {
            guard let pending = claim else { return }
            claim = nil
            guard let trn = pending.trn, trn[1] == "2", let number = trn.optional(2) else {
                throw PayerFileError(.malformed, at: pending.trn ?? pending.hl,
                                     "the claim at HL \(pending.hl[1]) has no patient control number (TRN*2), so it cannot be placed")
            }
            guard !pending.statuses.isEmpty else {
                throw PayerFileError(.malformed, at: trn, "claim \(number) has no status (STC)")
            }
            let outcomes = pending.statuses.map { ClaimAcknowledgmentOutcome(category: $0.category) }
            let outcome: ClaimAcknowledgmentOutcome = outcomes.contains(.rejected) ? .rejected
                : outcomes.contains(.accepted) ? .accepted : .pending
            claims.append(ClaimAcknowledgment(
                claimNumber: number, outcome: outcome, statuses: pending.statuses, lineStatuses: pending.lineStatuses,
                payerClaimControlNumber: pending.references["1K"], clearinghouseTrace: pending.references["D9"],
                chargeCents: pending.charge, serviceDates: pending.dates, billingProviderID: providerID,
                segmentNumber: trn.number))
        }

        /// STC01, STC10 and STC11: each a category:status:entity composite.
        static func statuses(_ stc: X12ReadSegment, warnings: inout [PayerFileWarning]) throws -> [ClaimStatus] {
            let date = X12Date.tolerated(stc, 2, "the status date", warnings: &warnings)
            var result: [ClaimStatus] = []
            for position in [1, 10, 11] where !stc[position].isEmpty {
                let parts = stc.components(position)
                guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw PayerFileError(.malformed, at: stc, "the status (\(stc.reference(position))) needs a category and a status code")
                }
                let entity = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
                result.append(ClaimStatus(category: parts[0], status: parts[1], entity: entity, date: date,
                                          actionCode: stc.optional(3),
                                          words: PayerCodeLists.bundled.statusWords(category: parts[0], status: parts[1], entity: entity)))
            }
            guard !result.isEmpty else { throw PayerFileError(.malformed, at: stc, "carries no status (STC01)") }
            return result
        }
    }
}
