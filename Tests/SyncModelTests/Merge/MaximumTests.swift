import BillingModel
import Testing
@testable import SyncModel

/// R3: `claim.lifecycle` and `conflict.status` take the maximum and never conflict.
@Suite struct MaximumTests {
    typealias F = Fixture

    static func rank(_ stage: ClaimLifecycle.Stage, round: Int = 1) -> FieldValue {
        .integer(Int64(ClaimLifecycle(round: round, stage: stage).rank))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let current: FieldValue
        let currentMillis: Int64
        let incoming: FieldValue
        let incomingMillis: Int64
        let applied: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "submitted beats a later 'coded'", current: rank(.submitted), currentMillis: 10,
             incoming: rank(.coded), incomingMillis: 99, applied: false),
        Case(name: "accepted beats submitted", current: rank(.submitted), currentMillis: 99,
             incoming: rank(.accepted), incomingMillis: 10, applied: true),
        Case(name: "a new round beats the rejection", current: rank(.rejected), currentMillis: 99,
             incoming: rank(.coded, round: 2), incomingMillis: 10, applied: true),
        Case(name: "equal value, later version: metadata converges", current: rank(.paid), currentMillis: 10,
             incoming: rank(.paid), incomingMillis: 20, applied: true),
        Case(name: "equal value, earlier version", current: rank(.paid), currentMillis: 20,
             incoming: rank(.paid), incomingMillis: 10, applied: false),
    ])
    func lifecycleNeverMovesBackward(_ example: Case) {
        let current = F.change("lifecycle", example.current, at: F.version(example.currentMillis, F.central, 1),
                               serverSeq: 1)
        let incoming = F.change("lifecycle", example.incoming, at: F.version(example.incomingMillis, F.clinic, 1))
        let one = F.deliver(incoming, after: current)
        #expect(one.decision.apply == example.applied)
        #expect(one.decision.conflicts.isEmpty)
        // The other delivery order ends in the same state.
        let other = F.deliver(current, after: incoming)
        #expect(other.decision.conflicts.isEmpty)
        #expect(one.state == other.state)
        #expect(one.state?.value == max(example.current, example.incoming))
    }

    @Test func resolvedConflictStaysResolved() {
        let resolved = F.change("status", 1, at: F.version(10, F.clinic, 5), table: "conflict")
        let lateOpenCopy = F.change("status", 0, at: F.version(50, F.central, 9), table: "conflict")
        let decision = F.deliver(lateOpenCopy, after: resolved)
        #expect(decision.decision.outcome == .ignored)
        #expect(MergePolicy.for(table: "conflict", field: "status") == .maximum)
        #expect(MergePolicy.for(table: "claim", field: "lifecycle") == .maximum)
        #expect(MergePolicy.for(table: "claim", field: "notes") == .lastWriterWins)
    }
}
