/// What a clinic store knows about its own site, as ``SiteVerdict/decide(store:node:)`` reads it.
public struct SiteFacts: Sendable, Equatable {
    /// The highest own sequence the central node acknowledged to this store (applied or refused).
    public var acknowledged: Int64
    /// The highest own sequence in this store's change log (0 when it never wrote); a store may
    /// report 0 when it has none at or past the node's highest sequence, all the verdict reads.
    public var ownHead: Int64
    /// This store's ``ChangeDigest`` of its own change at the node's highest sequence, or `nil`
    /// when it has no change of its own under that sequence.
    public var digestAtNodeSeq: String?
    /// Whether `clinicsync restore` put this store in place and no sync has checked it since.
    public var restored: Bool
    /// The store's pull cursor.
    public var cursor: Int64
    /// The ``LogMark`` this store kept of the node's entry at its cursor after its last sync,
    /// or `nil` when it has none (see ``SiteStanding/mark``).
    public var mark: String?

    /// Facts from their parts.
    public init(acknowledged: Int64, ownHead: Int64, digestAtNodeSeq: String?, restored: Bool, cursor: Int64,
                mark: String? = nil) {
        self.acknowledged = acknowledged
        self.ownHead = ownHead
        self.digestAtNodeSeq = digestAtNodeSeq
        self.restored = restored
        self.cursor = cursor
        self.mark = mark
    }
}

/// Where a clinic store's site stands with the central node, decided before a sync pushes
/// (issue 28), from what the store knows (``SiteFacts``) and what the node says (``SiteStanding``).
///
/// `(site, sequence)` keys a change everywhere (DESIGN §4); the key is only safe while one
/// store writes each site and the node remembers what it acknowledged. A store put back from a
/// backup, or copied to a second machine, numbers new changes with keys its site already used;
/// a node put back from a backup forgets changes it acknowledged. The verdict says how to
/// carry on without losing anything.
public enum SiteVerdict: Sendable, Equatable {
    /// The node's record of the site is this store's: sync as usual.
    case inStep
    /// The node holds less of this site than it acknowledged (the central office restored its
    /// store): push again this site's changes after `pushFrom`, and pull the node's history
    /// again from the start.
    case centralBehind(pushFrom: Int64)
    /// Another history uses this site at the node (this store was restored, or copied): take a
    /// new site, re-key this store's own changes after `keepThrough` under it, and pull back the
    /// old site's changes this store does not hold. `keepThrough` is what the node acknowledged
    /// and still holds as this store's; 0 when the node itself was put back meanwhile.
    case fork(keepThrough: Int64, reason: ForkReason)

    /// Why a store leaves its site.
    public enum ForkReason: String, Sendable, Equatable, Codable {
        /// `clinicsync restore` put it in place and the node holds more of the site than it knew.
        case restored
        /// The node holds sequences of this site beyond anything this store wrote.
        case behind
        /// The node's change under this site's highest sequence is not this store's.
        case diverged

        /// One line for people.
        public var explanation: String {
            switch self {
            case .restored: "this store was restored from a backup older than what its site had synced"
            case .behind: "the central node holds changes of this site that this store never had (a restored or copied store)"
            case .diverged: "another store syncs under this site (a copied store)"
            }
        }
    }

    /// The verdict for a store with `store` facts, given the node's `node` standing (asked with
    /// the store's cursor as its mark sequence when the store keeps a mark). Pure.
    public static func decide(store: SiteFacts, node: SiteStanding) -> SiteVerdict {
        let nodeSeq = node.highestAppliedSeq
        let markMoved = store.mark != nil && node.mark != store.mark
        // A node put back to an older state may since have taken another store's changes under keys
        // it had acknowledged to this one: then none of this store's own changes is known to be there.
        let nodeRestored = store.cursor > node.logHead || markMoved
        let keep = nodeRestored ? 0 : min(store.acknowledged, nodeSeq)
        if nodeSeq > 0 {
            if nodeSeq > store.ownHead { return .fork(keepThrough: keep, reason: .behind) }
            guard let own = store.digestAtNodeSeq, node.digest == nil || node.digest == own else {
                return .fork(keepThrough: keep, reason: .diverged)
            }
        }
        if store.restored && nodeSeq > store.acknowledged {
            return .fork(keepThrough: nodeRestored ? 0 : store.acknowledged, reason: .restored)
        }
        if nodeSeq < store.acknowledged || nodeRestored {
            return .centralBehind(pushFrom: nodeSeq)
        }
        return .inStep
    }
}
