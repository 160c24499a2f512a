import SyncModel
import Testing

/// The site check a clinic runs before it pushes (issue 28), as a table: store facts and node
/// facts in, the verdict out.
@Suite struct SiteVerdictTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var store: SiteFacts
        var node: SiteStanding
        var verdict: SiteVerdict
        var testDescription: String { name }
    }

    static func store(acked: Int64, head: Int64, digest: String? = "d", restored: Bool = false, cursor: Int64 = 10,
                      mark: String? = nil) -> SiteFacts {
        SiteFacts(acknowledged: acked, ownHead: head, digestAtNodeSeq: digest, restored: restored, cursor: cursor, mark: mark)
    }

    static func node(seq: Int64, digest: String? = "d", head: Int64 = 50, mark: String? = nil) -> SiteStanding {
        SiteStanding(site: "alpha-1", highestAppliedSeq: seq, digest: digest, logHead: head, centralSite: "central-1", mark: mark)
    }

    static let cases: [Case] = [
        Case(name: "a new site the node never saw", store: store(acked: 0, head: 0, digest: nil, cursor: 0),
             node: node(seq: 0, digest: nil, head: 0), verdict: .inStep),
        Case(name: "in step, everything acknowledged", store: store(acked: 12, head: 12), node: node(seq: 12), verdict: .inStep),
        Case(name: "in step, an outbox waiting", store: store(acked: 12, head: 30), node: node(seq: 12), verdict: .inStep),
        Case(name: "a reply lost: the node holds more of this store's own changes", store: store(acked: 12, head: 30),
             node: node(seq: 20), verdict: .inStep),
        Case(name: "an old node record without a fingerprint, own change there", store: store(acked: 12, head: 30),
             node: node(seq: 12, digest: nil), verdict: .inStep),
        Case(name: "restored store behind what its site pushed", store: store(acked: 12, head: 15, digest: nil),
             node: node(seq: 20), verdict: .fork(keepThrough: 12, reason: .behind)),
        Case(name: "restored store that wrote past the node's sequence since", store: store(acked: 12, head: 40, digest: "other"),
             node: node(seq: 20), verdict: .fork(keepThrough: 12, reason: .diverged)),
        Case(name: "copied store: no own change under the node's sequence", store: store(acked: 12, head: 40, digest: nil),
             node: node(seq: 20), verdict: .fork(keepThrough: 12, reason: .diverged)),
        Case(name: "copied store: no fingerprint at the node, none here either", store: store(acked: 12, head: 40, digest: nil),
             node: node(seq: 20, digest: nil), verdict: .fork(keepThrough: 12, reason: .diverged)),
        Case(name: "restore marked and the node holds more than the backup knew", store: store(acked: 12, head: 30, restored: true),
             node: node(seq: 20), verdict: .fork(keepThrough: 12, reason: .restored)),
        Case(name: "restore marked, nothing synced since the backup", store: store(acked: 12, head: 30, restored: true),
             node: node(seq: 12), verdict: .inStep),
        Case(name: "central restored: the node holds less than it acknowledged", store: store(acked: 30, head: 30),
             node: node(seq: 12), verdict: .centralBehind(pushFrom: 12)),
        Case(name: "central restored to before the site's first push", store: store(acked: 30, head: 30, digest: nil),
             node: node(seq: 0, digest: nil), verdict: .centralBehind(pushFrom: 0)),
        Case(name: "central restored: the cursor is ahead of the node's log", store: store(acked: 12, head: 12, cursor: 80),
             node: node(seq: 12, head: 50), verdict: .centralBehind(pushFrom: 12)),
        Case(name: "the node's entry at the cursor is the one this store saw", store: store(acked: 12, head: 12, mark: "m"),
             node: node(seq: 12, mark: "m"), verdict: .inStep),
        Case(name: "central restored: another entry under the cursor (the clinic only pulled since)",
             store: store(acked: 12, head: 12, mark: "m"), node: node(seq: 12, mark: "other"), verdict: .centralBehind(pushFrom: 12)),
        Case(name: "central restored: no entry under the cursor", store: store(acked: 12, head: 12, mark: "m"),
             node: node(seq: 12, mark: nil), verdict: .centralBehind(pushFrom: 12)),
        Case(name: "copied store, and the node put back since: nothing of this store is known to be there",
             store: store(acked: 12, head: 40, digest: "other", mark: "m"), node: node(seq: 20, mark: "other"),
             verdict: .fork(keepThrough: 0, reason: .diverged)),
        Case(name: "restore marked, and the node put back since", store: store(acked: 12, head: 30, restored: true, cursor: 80),
             node: node(seq: 20, head: 50), verdict: .fork(keepThrough: 0, reason: .restored)),
        Case(name: "central restored and another history at its sequence", store: store(acked: 30, head: 30, digest: "other"),
             node: node(seq: 12), verdict: .fork(keepThrough: 12, reason: .diverged)),
    ]

    @Test(arguments: cases)
    func theVerdictFollowsTheFacts(_ example: Case) {
        #expect(SiteVerdict.decide(store: example.store, node: example.node) == example.verdict)
    }

    @Test func aChangeFingerprintCoversItsContentNotItsServerSequence() {
        let version = Version(hlc: HLC(millis: 1_700_000_000_000), site: "alpha-1", seq: 7)
        let change = Change.field(table: "claim", row: "r1", owner: "alpha", field: "notes", value: .text("call"),
                                  version: version, replaced: nil, observed: 3)
        var pulled = change
        pulled.serverSeq = 99
        #expect(ChangeDigest.of(change) == ChangeDigest.of(pulled))
        var other = change
        other.value = .text("call back")
        #expect(ChangeDigest.of(change) != ChangeDigest.of(other))
        var later = change
        later.version.hlc = later.version.hlc.successor
        #expect(ChangeDigest.of(change) != ChangeDigest.of(later))
        let insert = Change.insert(table: "payer", row: "p1", owner: "alpha", values: ["name": .text("A"), "deleted": .integer(0)],
                                   version: version, observed: 0)
        var real = insert
        real.rowValues["deleted"] = .real(0)
        #expect(ChangeDigest.of(insert) == ChangeDigest.of(real))
        #expect(ChangeDigest.of(insert).count == 16)
    }
}
