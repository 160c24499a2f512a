/// The paging rules of a pull (DESIGN §4), written once for both central backends: the page
/// size, the cursor check, and where the next page starts.
public enum PullPaging {
    /// The largest page a pull returns, whatever the client asks.
    public static let maxLimit = 5_000

    /// The page size for a client's `limit`: at least 1, at most ``maxLimit``.
    public static func pageSize(limit: Int) -> Int { min(max(limit, 1), maxLimit) }

    /// Throws when `since` is negative (before reading anything).
    public static func checkCursor(_ since: Int64) throws {
        guard since >= 0 else { throw ErrorBody(error: .badRequest, message: "since must be 0 or more") }
    }

    /// Throws when `since` is ahead of the node's log `head`: the clinic store belongs to another node.
    public static func checkCursor(_ since: Int64, head: Int64) throws {
        guard since <= head else {
            throw ErrorBody(error: .badRequest, message: "cursor \(since) is ahead of this node's log (\(head)); "
                            + "the clinic store belongs to another central node")
        }
    }

    /// The next cursor and whether more may follow, for a page that reached `reached` entries of
    /// the scope after `since` (the last at `lastReached`): a full page continues after its last
    /// entry; a short one covers the whole log up to `head`.
    public static func next(reached: Int, lastReached: Int64?, since: Int64, head: Int64,
                            pageSize: Int) -> (cursor: Int64, hasMore: Bool) {
        let hasMore = reached == pageSize
        return (hasMore ? (lastReached ?? since) : head, hasMore)
    }
}
