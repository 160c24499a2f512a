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
}
