/// Why a conflict record exists (DESIGN §5).
public enum ConflictKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Two sites changed one field concurrently; the later version won (rule 2).
    case concurrentEdit = "concurrent_edit"
    /// A coding change reached a claim already submitted in its round and was parked (rule 4).
    case submittedClaim = "submitted_claim"
    /// A row was deleted concurrently with an edit of one of its fields (rule 5).
    case deleteVersusEdit = "delete_versus_edit"
}

/// Whether a conflict still needs a decision. Stored as an integer (0 open, 1 resolved) and
/// merged as a maximum, so a resolution is never undone by a late copy of the open record.
public enum ConflictStatus: Int, Hashable, Sendable, Codable, CaseIterable {
    /// Waiting for someone to resolve it.
    case open = 0
    /// Resolved; the resolution was written as an ordinary change.
    case resolved = 1

    /// `open` or `resolved`, as the CLI and JSON show it.
    public var name: String { self == .open ? "open" : "resolved" }
}
