import BillingModel
import GRDB

extension LocalStore {
    /// Runs the claim scrubber (DESIGN §9) on one claim, by id or claim number.
    ///
    /// A clean claim (no errors; warnings allowed) that is still a draft or coded moves to
    /// `validated`; nothing else changes. The codes are checked against the releases in
    /// force on each date of service.
    public func checkClaim(_ key: String, author: String? = nil) throws -> ClaimCheck {
        let today = self.today
        let check = try read { db in
            let claim = try Self.fetchClaim(db, key: key)
            return ClaimCheck(claim: claim, findings: try Self.scrub(db, claim, today: today))
        }
        guard OfficeRules.promotesToValidated(check) else { return check }
        return try promoteToValidated([check], author: author)[0]
    }

    /// Runs the scrubber on every open claim (not yet submitted in its round, not voided or
    /// replaced), oldest first; the clean ones move to `validated` as ``checkClaim(_:author:)`` does.
    public func checkOpenClaims(author: String? = nil) throws -> [ClaimCheck] {
        let today = self.today
        let checks = try read { db in
            try ClaimRecord.filter(ClaimRecord.Columns.deleted == 0).order(ClaimRecord.Columns.id).fetchAll(db)
                .map { $0.claim(lines: try Self.fetchLines(db, claimID: $0.id)) }
                .filter { $0.lifecycle.allowsCodingEdits && !$0.lifecycle.isTerminal }
                .map { ClaimCheck(claim: $0, findings: try Self.scrub(db, $0, today: today)) }
        }
        guard checks.contains(where: OfficeRules.promotesToValidated) else { return checks }
        return try promoteToValidated(checks, author: author)
    }

    /// The scrubber's findings for `claim` as it stands in `db`, against a
    /// ``StoreCodeReference`` loaded for it.
    static func scrub(_ db: Database, _ claim: Claim, today: CalendarDate) throws -> [ScrubFinding] {
        ClaimScrubber(reference: try StoreCodeReference.load(db, for: claim), today: today).check(claim)
    }

    /// Moves the clean checks' claims to `validated` in one transaction, each only if the
    /// claim has not changed since it was checked (a claim edited meanwhile keeps its status).
    private func promoteToValidated(_ checks: [ClaimCheck], author: String?) throws -> [ClaimCheck] {
        try write(author: author) { db in
            try checks.map { check in
                guard OfficeRules.promotesToValidated(check) else { return check }
                guard try Self.fetchClaim(db, key: check.claim.id) == check.claim else { return check }
                let validated = OfficeRules.afterCheck(check)
                try ClaimRecord(validated).update(db)
                return ClaimCheck(claim: validated, findings: check.findings)
            }
        }
    }
}
