import BillingModel

/// The claim rules of checking and submitting, once, for every store that checks or submits:
/// a clinic's and the central office's on SQLite and on PostgreSQL feed them claims and
/// findings and write what they return.
public enum OfficeRules {
    /// The lifecycle `claim submit` moves `claim` to: `submitted` in its round (a rejected claim
    /// starts its next round). Throws `StoreError.notAllowed` for a claim already submitted in
    /// its round, or voided or replaced.
    public static func submittedLifecycle(of claim: Claim) throws -> ClaimLifecycle {
        let lifecycle = claim.lifecycle
        switch lifecycle.stage {
        case .draft, .coded, .validated: return ClaimLifecycle(round: lifecycle.round, stage: .submitted)
        case .rejected: return ClaimLifecycle(round: lifecycle.round + 1, stage: .submitted)
        default:
            throw StoreError.notAllowed(entity: "claim", id: claim.claimNumber,
                                        reason: "is already \(lifecycle.stage.name); a claim is submitted once per round")
        }
    }

    /// Whether a check moves its claim to `validated`: no errors, and not yet validated.
    public static func promotesToValidated(_ check: ClaimCheck) -> Bool {
        !check.hasErrors && check.claim.lifecycle.stage.rawValue < ClaimLifecycle.Stage.validated.rawValue
    }

    /// The claim a clean check leaves: `validated` in its round, else the claim unchanged.
    public static func afterCheck(_ check: ClaimCheck) -> Claim {
        guard promotesToValidated(check) else { return check.claim }
        var claim = check.claim
        claim.lifecycle = ClaimLifecycle(round: claim.lifecycle.round, stage: .validated)
        return claim
    }

    /// Submits `claim` as checked against `findings`: the claim in its submitted lifecycle, or a
    /// ``ClaimRefusal`` carrying the findings when any is an error.
    public static func submitted(_ claim: Claim, findings: [ScrubFinding]) throws -> Claim {
        let next = try submittedLifecycle(of: claim)
        guard !findings.hasErrors else {
            throw ClaimRefusal(action: .submit, claims: [ClaimCheck(claim: claim, findings: findings)])
        }
        var submitted = claim
        submitted.lifecycle = next
        return submitted
    }
}
