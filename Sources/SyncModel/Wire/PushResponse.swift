/// The reply to a push: what the central node took and what it refused, and why.
///
/// `applied` lists the site sequences the central node now holds — taken by this request
/// or by an earlier delivery of the same changes (a replay is answered the same way, so a
/// clinic whose previous reply was lost learns the server sequences). A parked change
/// (a coding edit of a submitted claim) counts as applied: it is logged, and its conflict
/// record says what happened. `server_seqs[i]` is the server sequence of `applied[i]`.
///
/// JSON: `{"applied":[7,8],"refused":[{"seq":9,"reason":"clock_skew","message":"…"}],
/// "highest_applied_seq":8,"server_seqs":[41,42],"conflicts_created":1}`.
public struct PushResponse: Hashable, Sendable, Codable {
    /// Site sequences the central node holds, in request order.
    public var applied: [Int64]
    /// Changes refused, with a code and a one-line reason; a refused change is not logged.
    public var refused: [RefusedChange]
    /// The highest sequence of the site the central node holds after this request.
    public var highestAppliedSeq: Int64
    /// The server sequence of each entry of ``applied``, same order and count.
    public var serverSeqs: [Int64]
    /// How many conflict records the central node created while merging this batch.
    public var conflictsCreated: Int

    /// A push reply from its parts.
    public init(applied: [Int64], refused: [RefusedChange] = [], highestAppliedSeq: Int64,
                serverSeqs: [Int64], conflictsCreated: Int = 0) {
        self.applied = applied
        self.refused = refused
        self.highestAppliedSeq = highestAppliedSeq
        self.serverSeqs = serverSeqs
        self.conflictsCreated = conflictsCreated
    }

    /// Site sequence → server sequence, from ``applied`` and ``serverSeqs``.
    public var serverSeqBySiteSeq: [Int64: Int64] {
        Dictionary(zip(applied, serverSeqs), uniquingKeysWith: { first, _ in first })
    }

    private enum CodingKeys: String, CodingKey {
        case applied, refused
        case highestAppliedSeq = "highest_applied_seq"
        case serverSeqs = "server_seqs"
        case conflictsCreated = "conflicts_created"
    }
}

/// One change a push refused.
public struct RefusedChange: Hashable, Sendable, Codable {
    /// The change's site sequence.
    public var seq: Int64
    /// Why, as a code.
    public var reason: ErrorCode
    /// Why, as one line for people (no patient data).
    public var message: String

    /// A refusal from its parts.
    public init(seq: Int64, reason: ErrorCode, message: String) {
        self.seq = seq
        self.reason = reason
        self.message = message
    }
}
