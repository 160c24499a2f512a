import BillingModel

/// A central code release as it travels to clinics: one bulk file, not field changes
/// (DESIGN §4). Codes are compact rows `[code, short description, description, billable "1"/"0"]`.
public struct ReleaseFile: Codable, Sendable, Equatable {
    /// The central release's UUID; a clinic that already holds it skips the file.
    public var id: String
    /// The code system the release holds.
    public var system: CodeSystem
    /// The release name, unique within its system (`ICD10CM-FY2025` ...).
    public var name: String
    /// First date of service in force, `YYYY-MM-DD`.
    public var effectiveFrom: String
    /// Last date of service in force, `YYYY-MM-DD`; `nil` until a later release takes over.
    public var effectiveTo: String?
    /// SHA-256 of the central office's source file, lower-case hex.
    public var sha256: String
    /// The source file's name as imported at the central office.
    public var sourceFile: String
    /// Code rows for code-list systems; `nil` for NCCI and MUE releases.
    public var codes: [[String]]?
    /// Procedure-to-procedure pairs when ``system`` is `NCCI_PTP`; otherwise `nil`.
    public var ncciEdits: [NCCIEdit]?
    /// Unit limits when ``system`` is `MUE`; otherwise `nil`.
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
