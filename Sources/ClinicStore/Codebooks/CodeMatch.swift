import BillingModel

/// One code found by search or lookup.
public struct CodeMatch: Codable, Sendable, Equatable {
    public var system: CodeSystem
    /// Stored form, without dots.
    public var code: String
    /// Display form: ICD-10-CM with its dot.
    public var display: String
    public var description: String
    /// Whether the code may go on a claim (ICD-10-CM headers are not billable).
    public var billable: Bool
    /// Evaluation and management codes, listed first.
    public var isEM: Bool
    /// The release the code comes from.
    public var release: String
    public var effectiveFrom: String
    public var effectiveTo: String?

    enum CodingKeys: String, CodingKey {
        case system, code, display, description, billable, isEM = "is_em", release
        case effectiveFrom = "effective_from", effectiveTo = "effective_to"
    }
}
