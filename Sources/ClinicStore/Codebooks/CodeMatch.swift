import BillingModel

/// One code found by search or lookup.
public struct CodeMatch: Codable, Sendable, Equatable {
    /// The code system the code belongs to.
    public var system: CodeSystem
    /// Stored form, without dots.
    public var code: String
    /// Display form: ICD-10-CM with its dot.
    public var display: String
    /// The long description from the release (CPT text is demo wording unless a licensed file was imported).
    public var description: String
    /// Whether the code may go on a claim (ICD-10-CM headers are not billable).
    public var billable: Bool
    /// Evaluation and management codes, listed first.
    public var isEM: Bool
    /// The release the code comes from.
    public var release: String
    /// First date of service the release is in force, `YYYY-MM-DD`.
    public var effectiveFrom: String
    /// Last date of service the release is in force, `YYYY-MM-DD`; `nil` when open-ended.
    public var effectiveTo: String?

    enum CodingKeys: String, CodingKey {
        case system, code, display, description, billable, isEM = "is_em", release
        case effectiveFrom = "effective_from", effectiveTo = "effective_to"
    }
}
