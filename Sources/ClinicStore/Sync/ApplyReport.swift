import SyncModel

/// What applying a batch of remote changes did.
public struct ApplyReport: Sendable, Equatable {
    /// Origin sequences merged (applied, kept as the losing side of a conflict, parked, or
    /// already known), in the order received.
    public var accepted: [Int64] = []
    /// For each accepted change, the sequence of its log entry here (0 when nothing was logged).
    public var logSeqs: [Int64] = []
    /// Changes refused, with the reason.
    public var refused: [RefusedChange] = []
    /// Conflict records created here.
    public var conflictsCreated = 0
    /// Changes written (not just merged away).
    public var written = 0
    /// Duplicates skipped.
    public var duplicates = 0
    /// The highest sequence of the pushing site this batch answered (accepted or refused).
    public var highestAnswered: Int64 = 0
    /// Whether applying the batch wrote changes of this site's own (conflict records,
    /// re-assertions of submitted claims), which a sync must push in turn.
    public var wroteLocalChanges = false

    /// An empty report, filled in as the batch is applied.
    public init() {}
}
