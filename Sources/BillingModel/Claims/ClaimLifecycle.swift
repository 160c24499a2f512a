/// Where a claim is in its life: a submission round and a stage within it.
///
/// Ordered so that merge is a maximum (DESIGN §5 rule 3): status never moves backward,
/// and a rejection starts a new round, so `(round + 1, coded)` outranks `(round, rejected)`.
/// ``rank`` packs the pair into one integer, which is how the store and the wire carry it.
public struct ClaimLifecycle: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// A stage within a submission round, in merge order.
    public enum Stage: Int, Codable, Sendable, CaseIterable {
        case draft = 0, coded, validated, submitted, rejected, accepted, denied, paid, appealed
        case replaced, voided

        /// The lower-case name used by the CLI and JSON (`submitted`, `paid` ...).
        public var name: String { String(describing: self) }

        /// Parses a stage name.
        public init?(name: String) {
            guard let stage = Stage.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
            self = stage
        }
    }

    /// The submission round, starting at 1.
    public var round: Int
    /// The stage within ``round``; shown to users as ``Stage/name``.
    public var stage: Stage

    /// Creates a lifecycle; the default is a new claim: round 1, draft.
    public init(round: Int = 1, stage: Stage = .draft) {
        self.round = round
        self.stage = stage
    }

    /// The packed, merge-ordered integer form: `round * 16 + stage`.
    public var rank: Int { round * 16 + stage.rawValue }

    /// Unpacks ``rank``; `nil` when the stage part is not a known stage.
    public init?(rank: Int) {
        guard rank >= 16, let stage = Stage(rawValue: rank % 16) else { return nil }
        self.init(round: rank / 16, stage: stage)
    }

    /// Whether the claim has left the office in this round (coding is frozen).
    public var isSubmitted: Bool { stage.rawValue >= Stage.submitted.rawValue && stage != .rejected }

    /// Whether lines, codes, diagnoses and charges may still change.
    public var allowsCodingEdits: Bool { !isSubmitted }

    /// Whether the claim is finished for good (voided, or replaced by another claim).
    public var isTerminal: Bool { stage == .voided || stage == .replaced }

    /// The lifecycle after a coding edit: a rejected claim opens the next round.
    public func afterCodingEdit() -> ClaimLifecycle {
        stage == .rejected ? ClaimLifecycle(round: round + 1, stage: .coded) : self
    }

    /// Whether moving to `next` is allowed by hand (forward only; rejection may be followed
    /// by a new round).
    public func canMove(to next: ClaimLifecycle) -> Bool { next > self && !isTerminal }

    public var description: String { round > 1 ? "\(stage.name) (round \(round))" : stage.name }

    public static func < (a: ClaimLifecycle, b: ClaimLifecycle) -> Bool { a.rank < b.rank }
}
