import BillingModel

/// The open claims a release touches (`codes impact`), at a clinic or at the central office.
public struct ReleaseImpactReport: Codable, Sendable, Equatable {
    /// One open claim the release touches, and how.
    public struct ClaimImpact: Codable, Sendable, Equatable {
        /// The claim's id.
        public var id: String
        /// The claim number people use (`C...`).
        public var claimNumber: String
        /// The clinic that owns it (every clinic's claims are listed at the central office).
        public var clinic: String
        /// Its status (`draft`, `coded`, `validated`, `rejected` ...).
        public var status: String
        /// Its first date of service.
        public var firstServiceDate: CalendarDate?
        /// Its last date of service.
        public var lastServiceDate: CalendarDate?
        /// What the release does to it.
        public var impacts: [ReleaseImpact]

        enum CodingKeys: String, CodingKey {
            case id, status, clinic, impacts
            case claimNumber = "claim_number", firstServiceDate = "first_service_date", lastServiceDate = "last_service_date"
        }
    }

    /// The release assessed.
    public var release: CodeRelease
    /// The release of the same system it took over from; `nil` for the first one.
    public var previous: CodeRelease?
    /// How many codes of `previous` the release no longer lists.
    public var deletedCodes: Int
    /// How many open claims were looked at.
    public var openClaims: Int
    /// The open claims it touches, by claim number.
    public var claims: [ClaimImpact]

    enum CodingKeys: String, CodingKey {
        case release, previous, claims
        case deletedCodes = "deleted_codes", openClaims = "open_claims"
    }

    /// The report for `release` over `claims` (any claims: the open ones are picked here, as
    /// not yet submitted in their round or rejected, and not voided or replaced), by
    /// ``BillingModel/ReleaseImpact/assess(_:release:system:deleted:)``; every store that holds
    /// claims (the SQLite store, the PostgreSQL central node) builds it here.
    public static func build(release: CodeRelease, previous: CodeRelease?, deleted: Set<String>,
                             claims: [Claim]) throws -> ReleaseImpactReport {
        guard let period = release.period else {
            throw StoreError.invalid(entity: "release", field: "effective_from", reason: "\(release.name) has an unreadable date")
        }
        let open = claims.filter { $0.lifecycle.allowsCodingEdits && !$0.lifecycle.isTerminal }
        let touched = open.compactMap { claim -> ClaimImpact? in
            let impacts = ReleaseImpact.assess(claim, release: period, system: release.system, deleted: deleted)
            guard !impacts.isEmpty else { return nil }
            return ClaimImpact(id: claim.id, claimNumber: claim.claimNumber, clinic: claim.clinicID,
                               status: claim.lifecycle.stage.name, firstServiceDate: claim.lines.map(\.serviceDate).min(),
                               lastServiceDate: claim.lines.map { $0.serviceDateTo ?? $0.serviceDate }.max(), impacts: impacts)
        }.sorted { ($0.claimNumber, $0.id) < ($1.claimNumber, $1.id) }
        return ReleaseImpactReport(release: release, previous: previous, deletedCodes: deleted.count,
                                   openClaims: open.count, claims: touched)
    }

    /// The lifecycle stages of an open claim (what ``build(release:previous:deleted:claims:)``
    /// keeps), for a store to narrow what it reads.
    public static var openStages: [ClaimLifecycle.Stage] {
        ClaimLifecycle.Stage.allCases.filter {
            let lifecycle = ClaimLifecycle(round: 1, stage: $0)
            return lifecycle.allowsCodingEdits && !lifecycle.isTerminal
        }
    }
}
