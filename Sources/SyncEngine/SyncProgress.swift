/// A step of a running sync, for a progress display: counts so far, never row content.
public enum SyncProgress: Sendable, Equatable {
    /// Local changes the central node has acknowledged so far in this sync.
    case pushed(Int)
    /// Changes received from the central node so far in this sync.
    case pulled(Int)
    /// A code release being downloaded, by name.
    case downloadingRelease(String)
    /// Unsynced changes made with a clock that ran ahead were re-stamped (how many).
    case restamped(Int)
    /// The site check found a restored or copied store, or a restored central node, and settled
    /// it (issue 28); how many of this store's changes go out again.
    case siteRecovered(Int)
}
