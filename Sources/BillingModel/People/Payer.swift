/// A payer a clinic bills: from the central office's shared list or the clinic's own.
public struct Payer: Hashable, Sendable, Codable, Identifiable {
    /// The row's UUID (lower-case UUIDv7), which ``Claim/payerID`` holds; not the external payer id.
    public var id: String
    /// The owning clinic, or `central` for the shared list.
    public var owner: String
    /// The payer's identifier as clearinghouses know it (X12 NM109 with qualifier PI).
    public var payerID: String
    /// The payer's name as written in loop 2010BB (NM103), up to 60 characters.
    public var name: String
    /// Claim filing indicator (X12 SBR09): `CI` commercial, `MB` Medicare Part B,
    /// `MC` Medicaid, `BL` Blue Cross/Blue Shield ...
    public var filingIndicator: String

    /// Creates a payer as given; the filing indicator defaults to `CI` (commercial insurance).
    public init(id: String, owner: String, payerID: String, name: String, filingIndicator: String = "CI") {
        self.id = id
        self.owner = owner
        self.payerID = payerID
        self.name = name
        self.filingIndicator = filingIndicator
    }

    /// The claim filing indicator codes X12 5010 allows in SBR09.
    public static let filingIndicators: Set<String> = [
        "11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS", "FI", "HM",
        "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ",
    ]
}
