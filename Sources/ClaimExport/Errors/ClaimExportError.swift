/// Why a set of claims could not be written as an 837P.
///
/// Messages name the claim number and the field, never the value: no patient names, birth
/// dates, member ids or addresses appear in them.
public enum ClaimExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No claims were given; an 837P needs at least one.
    case noClaims
    /// More claims than one transaction set should carry.
    case tooManyClaims(count: Int, limit: Int)
    /// Data the 837P requires is absent.
    case missing(claimNumber: String, field: ClaimField)
    /// Data is present but cannot be sent as it is.
    case invalid(claimNumber: String, field: ClaimField, reason: String)
    /// An envelope setting (parties, control numbers) cannot be sent as it is.
    case invalidEnvelope(field: EnvelopeField, reason: String)

    /// A one-line message: the claim number, the field and what is wrong.
    public var description: String {
        switch self {
        case .noClaims:
            return "nothing to export: an 837P needs at least one claim"
        case let .tooManyClaims(count, limit):
            return "\(count) claims in one file: the 837P allows at most \(limit) per transaction set"
        case let .missing(claimNumber, field):
            return "claim \(claimNumber): \(field) is missing"
        case let .invalid(claimNumber, field, reason):
            return "claim \(claimNumber): \(field) \(reason)"
        case let .invalidEnvelope(field, reason):
            return "export settings: \(field) \(reason)"
        }
    }
}
