/// The reply to `GET /v1/sync/standing?site=SITE`: where the central node stands with one
/// site of the asking clinic, so that the clinic can check, before it pushes, that the node's
/// record of its site is its own (issue 28: restored and copied stores, restored central nodes).
///
/// JSON: `{"site":"alpha-…","highest_applied_seq":41,"digest":"9f2c…","log_head":380,"central_site":"central-…",
/// "mark":"51ab…"}`. `digest` is `null` when the node has no fingerprint for that sequence (a
/// record kept before the node was upgraded); `mark` is there only when asked for
/// (`&mark=SEQ`), `null` when the node's log has no entry there.
public struct SiteStanding: Hashable, Sendable, Codable {
    /// The site asked about.
    public var site: String
    /// The highest sequence of the site the node answered (accepted or refused, ``SiteAnswer``), 0 when none.
    public var highestAppliedSeq: Int64
    /// ``ChangeDigest`` of the change at ``highestAppliedSeq``, or `nil` when unknown.
    public var digest: String?
    /// The node's last server sequence: a clinic whose cursor is beyond it holds a history the
    /// node no longer has.
    public var logHead: Int64
    /// The node's own site id (the origin of the central office's own changes).
    public var centralSite: String
    /// When asked with `mark=SEQ`: ``LogMark`` of the node's log entry at that server sequence,
    /// or `nil` when it has none. A clinic keeps the mark of its cursor after each sync; a node
    /// that answers another mark for it has been put back to an older state since.
    public var mark: String?

    /// A standing from its parts.
    public init(site: String, highestAppliedSeq: Int64, digest: String?, logHead: Int64, centralSite: String,
                mark: String? = nil) {
        self.site = site
        self.highestAppliedSeq = highestAppliedSeq
        self.digest = digest
        self.logHead = logHead
        self.centralSite = centralSite
        self.mark = mark
    }

    private enum CodingKeys: String, CodingKey {
        case site
        case highestAppliedSeq = "highest_applied_seq"
        case digest
        case logHead = "log_head"
        case centralSite = "central_site"
        case mark
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        site = try container.decode(String.self, forKey: .site)
        highestAppliedSeq = try container.decode(Int64.self, forKey: .highestAppliedSeq)
        digest = try container.decodeIfPresent(String.self, forKey: .digest)
        logHead = try container.decode(Int64.self, forKey: .logHead)
        centralSite = try container.decode(String.self, forKey: .centralSite)
        mark = try container.decodeIfPresent(String.self, forKey: .mark)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(site, forKey: .site)
        try container.encode(highestAppliedSeq, forKey: .highestAppliedSeq)
        try container.encode(digest, forKey: .digest)
        try container.encode(logHead, forKey: .logHead)
        try container.encode(centralSite, forKey: .centralSite)
        try container.encodeIfPresent(mark, forKey: .mark)
    }
}
