/// The sync loop as a pure state machine (DESIGN §4: push, then pull, then repeat until both
/// are empty): it says what to do next from what happened; the ``Synchronizer`` does the I/O.
public struct SyncPlan: Sendable, Equatable {
    /// The next step.
    public enum Step: Sendable, Equatable {
        case push
        case pull
        case fetchReleases
        case done
    }

    /// What the last step found.
    public enum Event: Sendable, Equatable {
        /// A batch was pushed; `outboxEmpty` says whether anything is left.
        case pushed(outboxEmpty: Bool)
        /// The outbox was empty, nothing pushed.
        case nothingToPush
        /// A page was pulled; `hasMore` says whether the server has more; `wroteLocally` says
        /// whether applying it wrote local changes (conflicts, re-assertions) that must be pushed.
        case pulled(hasMore: Bool, wroteLocally: Bool)
        /// Published releases were fetched.
        case releasesFetched
    }

    /// What the ``Synchronizer`` should do now; starts at ``Step/push`` and ends at ``Step/done``.
    public private(set) var step: Step = .push
    /// The current push-then-pull round, from 1; a pull that wrote local changes starts the next.
    public private(set) var round = 1
    /// Rounds after which the plan gives up (a peer that keeps writing).
    public let maxRounds: Int
    private var movedThisRound = false

    /// A plan at its first push; gives up after `maxRounds` rounds (10 by default).
    public init(maxRounds: Int = 10) { self.maxRounds = maxRounds }

    /// Advances the plan with what the current step found.
    public mutating func record(_ event: Event) {
        switch (step, event) {
        case (.push, .pushed(let outboxEmpty)):
            movedThisRound = true
            step = outboxEmpty ? .pull : .push
        case (.push, .nothingToPush):
            step = .pull
        case (.pull, .pulled(let hasMore, let wroteLocally)):
            movedThisRound = movedThisRound || wroteLocally
            if hasMore {
                step = .pull
            } else if wroteLocally || (movedThisRound && round == 1) {
                // Local consequences of the pull (or a first round that moved data): go again.
                round += 1
                movedThisRound = false
                step = round > maxRounds ? .done : .push
            } else {
                step = .fetchReleases
            }
        case (.fetchReleases, .releasesFetched):
            step = .done
        default:
            break
        }
    }

    /// Whether the plan stopped because it ran out of rounds.
    public var gaveUp: Bool { step == .done && round > maxRounds }
}
