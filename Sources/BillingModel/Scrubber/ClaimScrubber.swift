/// Checks a claim before it leaves the office (DESIGN §9): every rule in ``ScrubRule``,
/// against the code releases in force on the claim's dates of service.
///
/// Pure: the code reference and today's date are given, so the same claim always yields
/// the same findings. Findings come sorted: claim-level first, then by line number, errors
/// before warnings.
public struct ClaimScrubber: Sendable {
    /// At most this many diagnoses fit on a claim.
    public static let maximumDiagnoses = 12
    /// At most this many service lines fit on a claim.
    public static let maximumLines = 50
    /// At most this many diagnosis pointers per line.
    public static let maximumPointers = 4
    /// At most this many modifiers per line.
    public static let maximumModifiers = 4

    let reference: any CodeReference
    /// Dates of service after this day are refused.
    public let today: CalendarDate

    /// Creates a scrubber that looks codes up in `reference`, with `today` as the clinic's
    /// current calendar date.
    public init(reference: some CodeReference, today: CalendarDate) {
        self.reference = reference
        self.today = today
    }

    /// All findings for `claim`, sorted; empty for a clean claim.
    public func check(_ claim: Claim) -> [ScrubFinding] {
        var report = ScrubReport()
        checkClaimFields(claim, into: &report)
        checkDiagnoses(claim, into: &report)
        checkReleaseSplit(claim, into: &report)
        checkLines(claim, into: &report)
        checkModifiers(claim, into: &report)
        checkNCCIEdits(claim, into: &report)
        checkMUELimits(claim, into: &report)
        return report.sortedFindings()
    }
}
