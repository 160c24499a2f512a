import BillingModel

/// Claims the scrubber refused for submission or export: nothing was submitted or exported.
///
/// Carries every finding of each refused claim, so a caller can show them; the message
/// names the claims by claim number and the rules by id, never patient data.
public struct ClaimRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was refused.
    public enum Action: String, Sendable {
        /// `claim submit`.
        case submit
        /// `export x12`.
        case export
    }

    /// What was refused.
    public var action: Action
    /// The refused claims with their findings (warnings included).
    public var claims: [ClaimCheck]

    /// Creates a refusal.
    public init(action: Action, claims: [ClaimCheck]) {
        self.action = action
        self.claims = claims
    }

    /// `claim C1 cannot be submitted: 2 errors (NPI_INVALID; line 2 PTR_UNKNOWN_DX); ...` or,
    /// for an export, every refused claim with its error count.
    public var description: String {
        switch action {
        case .submit:
            let check = claims.first
            let number = check?.claim.claimNumber ?? "?"
            let rules = (check?.findings ?? []).filter { $0.severity == .error }
                .map { ($0.lineNumber.map { "line \($0) " } ?? "") + $0.ruleID }
            return "claim \(number) cannot be submitted: \(Self.errors(check?.errorCount ?? 0)) "
                + "(\(rules.joined(separator: "; "))); see `clinicsync claim check \(number)`; nothing was changed"
        case .export:
            let names = claims.map { "\($0.claim.claimNumber) (\(Self.errors($0.errorCount)))" }
            return "cannot export: the scrubber found errors in claim\(claims.count == 1 ? "" : "s") "
                + "\(names.joined(separator: ", ")); see `clinicsync claim check`; nothing was exported"
        }
    }

    private static func errors(_ count: Int) -> String { count == 1 ? "1 error" : "\(count) errors" }
}
