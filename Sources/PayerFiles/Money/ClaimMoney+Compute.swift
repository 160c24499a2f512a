extension ClaimMoney {
    /// Derives the money from the facts (a pure function: same facts, same money).
    public init(_ facts: ClaimMoneyFacts) {
        let (live, unmatched) = Self.livePostings(facts.postings)
        var paid: Int64 = 0, contractual: Int64 = 0, other: Int64 = 0
        for posting in live {
            paid += posting.paidCents
            for adjustment in posting.adjustments {
                switch adjustment.group {
                case .contractual: contractual += adjustment.amountCents
                case .other where adjustment.reason == "23": break
                case .other, .payerInitiated: other += adjustment.amountCents
                case .patientResponsibility: break
                }
            }
        }
        let last = live.last { $0.status != .reversal }
        let responsibility = last.map(Self.responsibility) ?? .zero
        let patientPaid = facts.patientPayments.reduce(0, +)
        let insurance: Int64
        if last == nil {
            insurance = facts.chargeCents - paid - contractual - other
        } else {
            insurance = max(0, facts.chargeCents - paid - contractual - other - responsibility.totalCents)
        }
        let patient = responsibility.totalCents - patientPaid
        self.chargeCents = facts.chargeCents
        self.paidCents = paid
        self.contractualAdjustmentCents = contractual
        self.otherAdjustmentCents = other
        self.patientResponsibility = responsibility
        self.patientPaidCents = patientPaid
        self.insuranceBalanceCents = insurance
        self.patientBalanceCents = patient
        self.balanceFrom = switch (insurance > 0, patient > 0) {
        case (true, true): .both
        case (true, false): .insurance
        case (false, true): .patient
        case (false, false): .nobody
        }
        self.deniedLines = last?.deniedLines ?? []
        self.denialReasons = last?.status == .denied ? last!.adjustments.filter { $0.group != .patientResponsibility }.map(\.reason) : []
        self.unmatchedReversals = unmatched
        self.status = last.map { posting in
            if posting.status == .denied { return .denied }
            if !posting.deniedLines.isEmpty {
                let deniedCharge = posting.deniedLines.reduce(0) { $0 + $1.chargeCents }
                return deniedCharge >= facts.chargeCents ? .denied : .partlyPaid
            }
            return insurance > 0 ? .partlyPaid : .paid
        }
    }

    /// The postings left after each reversal undid its target; reversals with no target stay.
    static func livePostings(_ postings: [PaymentPosting]) -> (live: [PaymentPosting], unmatched: [String]) {
        var live: [PaymentPosting] = []
        var unmatched: [String] = []
        for posting in postings {
            guard posting.status == .reversal else {
                live.append(posting)
                continue
            }
            let target = posting.reverses.flatMap { id in live.lastIndex { $0.id == id } }
                ?? posting.payerClaimControlNumber.flatMap { number in
                    live.lastIndex { $0.status != .reversal && $0.payerClaimControlNumber == number }
                }
                ?? (posting.reverses == nil && posting.payerClaimControlNumber == nil ? live.lastIndex { $0.status != .reversal } : nil)
            if let target {
                live.remove(at: target)
            } else {
                live.append(posting)
                unmatched.append(posting.id)
            }
        }
        return (live, unmatched)
    }

    /// PR adjustments of one posting, by reason.
    static func responsibility(_ posting: PaymentPosting) -> PatientResponsibility {
        var deductible: Int64 = 0, coinsurance: Int64 = 0, copay: Int64 = 0, other: Int64 = 0
        for adjustment in posting.adjustments where adjustment.group == .patientResponsibility {
            switch adjustment.reason {
            case "1": deductible += adjustment.amountCents
            case "2": coinsurance += adjustment.amountCents
            case "3": copay += adjustment.amountCents
            default: other += adjustment.amountCents
            }
        }
        return PatientResponsibility(deductibleCents: deductible, coinsuranceCents: coinsurance, copayCents: copay, otherCents: other)
    }
}
