import SyncModel

/// The star under test: one central replica and a few clinics, a shared wall clock, and the
/// sync sessions in flight. Every choice comes from the seeded generator.
struct SimWorld {
    /// Where a clinic's sync session is.
    enum Session { case idle, pushing, pulling }

    /// What happened, summed over a run, to show the schedules reach every rule.
    struct Stats {
        var conflicts: [ConflictKind: Int] = [:]
        var reassertions = 0
        var lostRequests = 0
        var lostResponses = 0
        var duplicatedPushes = 0
        var replayedPushes = 0
        var replayedPages = 0
        var resolutions = 0

        mutating func add(_ other: Stats) {
            conflicts.merge(other.conflicts, uniquingKeysWith: +)
            reassertions += other.reassertions
            lostRequests += other.lostRequests
            lostResponses += other.lostResponses
            duplicatedPushes += other.duplicatedPushes
            replayedPushes += other.replayedPushes
            replayedPages += other.replayedPages
            resolutions += other.resolutions
        }
    }

    var rng: SplitMix64
    var now: Int64 = 1_718_000_000_000
    /// `replicas[0]` is the central node; the rest are clinics.
    var replicas: [SimReplica]
    var sessions: [Session]
    /// Push requests the network may deliver again later.
    var oldRequests: [PushRequest] = []
    /// Pull pages a clinic may see again.
    var oldPages: [(clinic: Int, page: PullResponse)] = []
    var nextRow = 0
    var stats = Stats()
    /// Every claim submission made at a site, with the claim's coding as that site had it.
    var submissions: [Submission] = []

    /// A claim submitted at a site, and the coding the site sent.
    struct Submission {
        var claim: RowKey
        var round: Int
        var version: Version
        var coding: [String: FieldValue]
    }

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        let clinicCount = Int.random(in: 2...3, using: &rng)
        replicas = [SimReplica(site: SyncSchema.centralSite, clockOffset: 0)]
        for index in 0..<clinicCount {
            replicas.append(SimReplica(site: "clinic-\(Character(UnicodeScalar(97 + index)!))",
                                       clockOffset: Int64.random(in: -2_000...2_000, using: &rng)))
        }
        sessions = Array(repeating: .idle, count: replicas.count)
    }

    var clinics: Range<Int> { 1..<replicas.count }

    /// Runs `steps` random steps: people working at any site, and sync steps with faults.
    mutating func run(steps: Int) {
        for _ in 0..<steps {
            now += Int64.random(in: 0...40, using: &rng)
            let roll = Int.random(in: 0..<100, using: &rng)
            switch roll {
            case 0..<52: operate(at: Int.random(in: 0..<replicas.count, using: &rng))
            case 52..<94: syncStep(clinic: Int.random(in: clinics, using: &rng))
            case 94..<97: replayOldPush()
            default: replayOldPage()
            }
        }
    }

    /// One step of a clinic's sync session: push a batch while the outbox has changes, then
    /// pull pages; a lost request or reply ends the session, as a failed HTTP call would.
    mutating func syncStep(clinic: Int) {
        switch sessions[clinic] {
        case .idle:
            sessions[clinic] = .pushing
        case .pushing:
            guard !replicas[clinic].outbox.isEmpty else {
                sessions[clinic] = .pulling
                return
            }
            let request = replicas[clinic].pushRequest(limit: Int.random(in: 1...4, using: &rng))
            let roll = Int.random(in: 0..<100, using: &rng)
            if roll < 8 {
                stats.lostRequests += 1
                sessions[clinic] = .idle
                return
            }
            oldRequests.append(request)
            var response = replicas[0].handlePush(request, now: now)
            if roll < 18 {
                stats.lostResponses += 1
                sessions[clinic] = .idle
                return
            }
            if roll < 28 {
                stats.duplicatedPushes += 1
                response = replicas[0].handlePush(request, now: now)
            }
            replicas[clinic].applyPushResponse(response)
        case .pulling:
            let page = replicas[0].servePull(for: replicas[clinic].site, since: replicas[clinic].cursor,
                                             limit: Int.random(in: 1...5, using: &rng))
            if rng.chance(10) {
                stats.lostResponses += 1
                sessions[clinic] = .idle
                return
            }
            replicas[clinic].applyPage(page, now: now)
            oldPages.append((clinic, page))
            if rng.chance(10) {
                stats.replayedPages += 1
                replicas[clinic].applyPage(page, now: now)
            }
            if !page.hasMore { sessions[clinic] = replicas[clinic].outbox.isEmpty ? .idle : .pushing }
        }
    }

    /// The network delivers an old push request again; nobody reads the reply.
    mutating func replayOldPush() {
        guard !oldRequests.isEmpty else { return }
        stats.replayedPushes += 1
        _ = replicas[0].handlePush(rng.pick(oldRequests), now: now)
    }

    /// A clinic is handed an old pull page again.
    mutating func replayOldPage() {
        guard !oldPages.isEmpty else { return }
        stats.replayedPages += 1
        let (clinic, page) = rng.pick(oldPages)
        replicas[clinic].applyPage(page, now: now)
    }

    /// Syncs every clinic fully, without faults, until a whole round moves nothing.
    /// Returns false when that does not happen within `rounds` (the merge ping-pongs).
    mutating func syncToQuiescence(rounds: Int = 25) -> Bool {
        for _ in 0..<rounds {
            now += 1_000
            let headBefore = replicas[0].log.count
            var moved = 0
            for clinic in clinics {
                while !replicas[clinic].outbox.isEmpty {
                    let response = replicas[0].handlePush(replicas[clinic].pushRequest(limit: 5), now: now)
                    moved += response.applied.count
                    replicas[clinic].applyPushResponse(response)
                    if response.applied.isEmpty { return false }
                }
                var more = true
                while more {
                    let page = replicas[0].servePull(for: replicas[clinic].site, since: replicas[clinic].cursor,
                                                     limit: 7)
                    moved += replicas[clinic].applyPage(page, now: now)
                    more = page.hasMore
                }
                sessions[clinic] = .idle
            }
            if moved == 0, replicas[0].log.count == headBefore, clinics.allSatisfy({ replicas[$0].outbox.isEmpty }) {
                return true
            }
        }
        return false
    }
}
