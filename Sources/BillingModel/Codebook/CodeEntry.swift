/// One code of a code-system release, as an import file lists it.
///
/// ``code`` is normalized (upper case, ICD-10-CM without its dot). ICD-10-CM category
/// headers such as `E11` are entries too, with ``billable`` false: they exist in the
/// release but may not go on a claim.
public struct CodeEntry: Hashable, Sendable, Codable {
    /// The normalized code: `E1165`, `99213`, `G0439`, `25`, `11`.
    public var code: String
    /// The short description (ICD-10-CM order file columns 17–76; for code lists, the description).
    public var shortDescription: String
    /// The full description.
    public var description: String
    /// Whether the code may be billed (ICD-10-CM: a leaf code, order-file flag 1).
    public var billable: Bool

    /// Creates an entry from already normalized parts.
    public init(code: String, shortDescription: String, description: String, billable: Bool) {
        self.code = code
        self.shortDescription = shortDescription
        self.description = description
        self.billable = billable
    }
}
