/// Claim-level rules: NPIs, frequency, total, claim place of service, line count.
extension ClaimScrubber {
    func checkClaimFields(_ claim: Claim, into report: inout ScrubReport) {
        checkNPI(claim.billingNPI, role: "Billing", into: &report)
        if let rendering = claim.renderingNPI {
            checkNPI(rendering, role: "Rendering", into: &report)
        }
        if claim.frequency.needsPayerClaimNumber,
           (claim.payerClaimNumber ?? "").allSatisfy({ $0 == " " }) {
            let kind = claim.frequency == .replacement ? "A replacement (frequency 7)" : "A void (frequency 8)"
            report.add(.frequencyNeedsPayerClaimNumber,
                       "\(kind) claim needs the payer's claim control number of the claim it supersedes.")
        }
        if claim.totalChargeCents != claim.lineChargeTotalCents {
            report.add(.totalMismatch, "The claim total \(Money.dollars(claim.totalChargeCents)) differs from "
                + "the sum of its lines \(Money.dollars(claim.lineChargeTotalCents)).")
        }
        checkPlaceOfService(claim.placeOfService, subject: "The claim's place of service",
                            dates: claim.serviceDates, line: nil, into: &report)
        if claim.lines.isEmpty {
            report.add(.lineCount, "The claim has no service lines; it needs at least one.")
        } else if claim.lines.count > Self.maximumLines {
            report.add(.lineCount, "The claim has \(claim.lines.count) service lines; at most "
                + "\(Self.maximumLines) fit on one claim.")
        }
    }

    private func checkNPI(_ npi: String, role: String, into report: inout ScrubReport) {
        switch NPI.problem(npi) {
        case nil: return
        case .format:
            report.add(.npiInvalid, "\(role) NPI '\(npi)' must be exactly 10 digits.")
        case .checkDigit:
            report.add(.npiInvalid, "\(role) NPI \(npi) fails its check digit; it is probably mistyped.")
        }
    }

    /// Checks a place-of-service code's format, then its presence in the POS release in
    /// force on each date (reported once).
    func checkPlaceOfService(_ code: String, subject: String, dates: [CalendarDate], line: Int?,
                             into report: inout ScrubReport) {
        guard ShortCode.isPlaceOfService(code) else {
            report.add(.placeOfServiceUnknown, line: line, "\(subject) '\(code)' is not a two-digit POS code.")
            return
        }
        for date in dates where report.hasRelease(of: .pos, on: date, in: reference) {
            if !reference.contains(code, in: .pos, on: date) {
                report.add(.placeOfServiceUnknown, line: line,
                           "\(subject) \(code) is not in the POS list in force on \(date).")
                return
            }
        }
    }
}
