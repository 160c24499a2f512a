import BillingModel

/// A central code release as it travels to clinics: one bulk file, not field changes
/// (DESIGN §4). Codes are compact rows `[code, short description, description, billable "1"/"0"]`.
public struct ReleaseFile: Codable, Sendable, Equatable {
    public var id: String
    public var system: CodeSystem
    public var name: String
    public var effectiveFrom: String
    public var effectiveTo: String?
    public var sha256: String
    public var sourceFile: String
    public var codes: [[String]]?
    public var ncciEdits: [NCCIEdit]?
    public var mueLimits: [MUELimit]?

    enum CodingKeys: String, CodingKey {
        case id, system, name, sha256, codes
        case effectiveFrom = "effective_from", effectiveTo = "effective_to", sourceFile = "source_file"
        case ncciEdits = "ncci_edits", mueLimits = "mue_limits"
    }

    /// The release's entries as parsed content.
    var content: ReleaseContent? {
        if let codes {
            let entries = codes.compactMap { row -> CodeEntry? in
                guard row.count == 4 else { return nil }
                return CodeEntry(code: row[0], shortDescription: row[1], description: row[2], billable: row[3] == "1")
            }
            return entries.count == codes.count ? .codes(entries) : nil
        }
        if let ncciEdits { return .ncci(ncciEdits) }
        if let mueLimits { return .mue(mueLimits) }
        return nil
    }
}
