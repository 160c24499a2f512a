import SyncModel

/// What a sync did when its site check found a restored or copied store, or a restored
/// central node (issue 28): kept for `status` and said in one line.
public struct SiteRecovery: Codable, Sendable, Equatable {
    /// What was found.
    public enum Kind: String, Codable, Sendable {
        /// The store moved to a new site (``SiteVerdict/fork(keepThrough:reason:)``).
        case newSite = "new_site"
        /// The central node had lost changes; they are pushed again.
        case pushAgain = "push_again"
    }

    /// What was found.
    public var kind: Kind
    /// The site the store wrote under before.
    public var oldSite: String
    /// The site it writes under now (the same for ``Kind/pushAgain``).
    public var newSite: String
    /// This store's changes now sent again: re-keyed under ``newSite``, or pushed again.
    public var changes: Int
    /// The one line a person reads (no patient data).
    public var message: String

    /// A recovery from its parts.
    public init(kind: Kind, oldSite: String, newSite: String, changes: Int, message: String) {
        self.kind = kind
        self.oldSite = oldSite
        self.newSite = newSite
        self.changes = changes
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case kind, oldSite = "old_site", newSite = "new_site", changes, message
    }
}
