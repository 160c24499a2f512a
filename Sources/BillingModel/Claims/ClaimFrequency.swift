/// The claim frequency type code (X12 CLM05-3).
public enum ClaimFrequency: String, Codable, Sendable, CaseIterable {
    /// 1: an original claim.
    case original = "1"
    /// 7: replaces a claim the payer already has.
    case replacement = "7"
    /// 8: voids a claim the payer already has.
    case void = "8"

    /// Whether the payer's claim control number is required (REF*F8).
    public var needsPayerClaimNumber: Bool { self != .original }
}
