import SyncEngine
import Testing

/// The sync loop's plan: push, then pull, then repeat until both are empty.
@Suite struct SyncPlanTests {
    typealias Event = SyncPlan.Event

    static let cases: [(String, [Event], SyncPlan.Step, Int)] = [
        ("nothing to do: one push check, one empty pull, releases, done",
         [.nothingToPush, .pulled(hasMore: false, wroteLocally: false), .releasesFetched], .done, 1),
        ("a big outbox pushes batch after batch before pulling",
         [.pushed(outboxEmpty: false), .pushed(outboxEmpty: false)], .push, 1),
        ("pages are pulled until the server has no more",
         [.nothingToPush, .pulled(hasMore: true, wroteLocally: false), .pulled(hasMore: true, wroteLocally: false)], .pull, 1),
        ("a pull that wrote local changes (conflicts, re-assertions) goes round again to push them",
         [.nothingToPush, .pulled(hasMore: false, wroteLocally: true)], .push, 2),
        ("a first round that pushed checks once more that both sides are empty",
         [.pushed(outboxEmpty: true), .pulled(hasMore: false, wroteLocally: false)], .push, 2),
        ("the second, quiet round ends with the releases",
         [.pushed(outboxEmpty: true), .pulled(hasMore: false, wroteLocally: false), .nothingToPush,
          .pulled(hasMore: false, wroteLocally: false), .releasesFetched], .done, 2),
        ("an event that does not fit the step is ignored",
         [.releasesFetched, .pulled(hasMore: false, wroteLocally: false)], .push, 1),
    ]

    @Test(arguments: cases)
    func planFollowsTheEvents(label: String, events: [Event], step: SyncPlan.Step, round: Int) {
        var plan = SyncPlan()
        for event in events { plan.record(event) }
        #expect(plan.step == step, "\(label)")
        #expect(plan.round == round, "\(label)")
        #expect(!plan.gaveUp)
    }

    @Test func aPeerThatNeverStopsWritingMakesThePlanGiveUp() {
        var plan = SyncPlan(maxRounds: 3)
        var events = 0
        while plan.step != .done, events < 100 {  // bounded: a plan that never gives up fails, never hangs
            plan.record(plan.step == .push ? .nothingToPush : .pulled(hasMore: false, wroteLocally: true))
            events += 1
        }
        #expect(plan.step == .done, "the plan was still going after \(events) events")
        #expect(plan.gaveUp)
        #expect(plan.round == 4 && events == 6, "three rounds of push and pull, then it gives up (\(events) events)")
    }
}
