import BillingModel

/// What the scrubber said about one claim, as `claim check` reports it.
public struct ClaimCheck: Sendable, Equatable {
    /// The claim as it was checked, with its lifecycle after the check (``BillingModel/ClaimLifecycle/Stage/validated``
    /// when it was clean and not yet submitted).
    public var claim: Claim
    /// Every finding, sorted as the scrubber sorts them (claim-level first, then by line).
    public var findings: [ScrubFinding]

    /// Creates a result.
    public init(claim: Claim, findings: [ScrubFinding]) {
        self.claim = claim
        self.findings = findings
    }

    /// Findings that block submission.
    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    /// Findings that do not block submission.
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    /// Whether the claim may not be submitted as it is.
    public var hasErrors: Bool { findings.hasErrors }
}
