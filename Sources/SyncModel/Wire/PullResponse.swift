/// The reply to `GET /v1/sync/pull?since=&limit=`: the next page of changes in the clinic's
/// scope, in server sequence order.
///
/// The clinic applies the page and stores ``nextCursor`` in one transaction, then asks again
/// while ``hasMore``. JSON: `{"changes":[…],"next_cursor":42,"has_more":false,"server_clock":…}`.
public struct PullResponse: Hashable, Sendable, Codable {
    /// The changes, each with its ``Change/serverSeq``.
    public var changes: [Change]
    /// The cursor to ask from next; it covers every change up to it, in scope or not.
    public var nextCursor: Int64
    /// Whether to ask again from ``nextCursor``: more changes may follow. A page may carry fewer
    /// changes than asked for, even none, when entries it covered were left out (the asking
    /// site's own, or superseded); the cursor still moves past them.
    public var hasMore: Bool
    /// The central node's clock, which the clinic observes.
    public var serverClock: HLC

    /// A pull reply from its parts.
    public init(changes: [Change], nextCursor: Int64, hasMore: Bool, serverClock: HLC) {
        self.changes = changes
        self.nextCursor = nextCursor
        self.hasMore = hasMore
        self.serverClock = serverClock
    }

    private enum CodingKeys: String, CodingKey {
        case changes
        case nextCursor = "next_cursor"
        case hasMore = "has_more"
        case serverClock = "server_clock"
    }
}
