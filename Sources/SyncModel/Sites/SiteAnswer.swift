/// The highest sequence of a site the central node has answered (accepted or refused) and the
/// ``ChangeDigest`` of that change: what the node keeps beside `site_progress` for the site
/// check of issue 28, and what a push's `base_seq`/`base_digest` are compared with.
///
/// It is not the site's progress: a refused change never moves progress (DESIGN §4, "Per-site
/// progress never moves on a refused change") and is screened again should it come back, but it
/// was answered, so the clinic's acknowledged sequence and the node's answered one agree, and a
/// site whose last change was refused is not taken for one the node has lost.
public struct SiteAnswer: Hashable, Sendable {
    /// The highest answered sequence of the site (0: none).
    public var seq: Int64
    /// The fingerprint of the change at ``seq``, or `nil` when the node does not know it (a
    /// record carried over from before the node kept fingerprints).
    public var digest: String?

    /// An answer from its parts.
    public init(seq: Int64, digest: String?) {
        self.seq = seq
        self.digest = digest
    }

    /// What a node that held `held` holds once it has answered `changes` (one site's, in order)
    /// up to `highestAnswered` (the push's ``ApplyReport``-style highest answered sequence):
    /// the new answer when it goes past `held`, else `nil` (nothing to record). Pure.
    public static func recorded(after changes: [Change], highestAnswered: Int64, held: SiteAnswer?) -> SiteAnswer? {
        guard highestAnswered > (held?.seq ?? 0),
              let change = changes.last(where: { $0.version.seq == highestAnswered }) else { return nil }
        return SiteAnswer(seq: highestAnswered, digest: ChangeDigest.of(change))
    }

    /// The refusal of a push that expects the node to hold `baseSeq`/`baseDigest` of `site` when
    /// it holds `held` (another store pushed under the site: a restored or copied store), or
    /// `nil` when the push may go on. A push without a base (an older clinic) is never refused. Pure.
    public static func baseProblem(site: String, baseSeq: Int64?, baseDigest: String?, held: SiteAnswer?) -> ErrorBody? {
        guard let baseSeq else { return nil }
        let heldSeq = held?.seq ?? 0, heldDigest = held?.digest
        // A fingerprint the node never kept (carried over from before it kept them) matches any.
        guard heldSeq != baseSeq || (heldDigest != nil && heldDigest != baseDigest) else { return nil }
        return ErrorBody.siteMoved(site: site, held: heldSeq)
    }
}

extension ErrorBody {
    /// The refusal of a push whose expected base is not what the node holds of the site (issue 28).
    public static func siteMoved(site: String, held: Int64) -> ErrorBody {
        ErrorBody(error: .siteMoved, message: "the central node holds another record of site \(site) (through sequence "
                  + "\(held)) than this push expects: a restored or copied store; sync again to check the site")
    }
}
