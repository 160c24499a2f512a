import Testing
@testable import SyncModel

/// The central core's planner, case by case: what a batch does to the node, planned over
/// prefetched facts (DESIGN §4, §5).
@Suite struct ApplyPlannerTests {
    typealias F = PlannerFixture

    /// What a plan did, in a form a table of cases can state.
    struct Summary: Equatable, CustomStringConvertible {
        var accepted: [Int64] = []
        var logSeqs: [Int64] = []
        var refused: [ErrorCode] = []
        /// Per step: `insert table`, `update field`, or `logged field` (merged away).
        var steps: [String] = []
        var conflicts: [ConflictKind] = []
        var reassertions: [String] = []
        var progress: [String: Int64] = [:]
        var duplicates = 0

        init(accepted: [Int64] = [], logSeqs: [Int64] = [], refused: [ErrorCode] = [], steps: [String] = [],
             conflicts: [ConflictKind] = [], reassertions: [String] = [], progress: [String: Int64] = [:],
             duplicates: Int = 0) {
            self.accepted = accepted
            self.logSeqs = logSeqs
            self.refused = refused
            self.steps = steps
            self.conflicts = conflicts
            self.reassertions = reassertions
            self.progress = progress
            self.duplicates = duplicates
        }

        init(_ plan: ApplyPlan) {
            accepted = plan.accepted
            logSeqs = plan.logSeqs
            refused = plan.refused.map(\.reason)
            steps = plan.steps.map { step in
                switch step.write {
                case .insert?: "insert \(step.change.table)"
                case .update(let column, _)?: "update \(column)"
                case nil: "logged \(step.field)"
                }
            }
            conflicts = plan.conflicts.map(\.kind)
            reassertions = plan.reassertions.map { "\($0.table).\($0.field)" }
            progress = plan.progress
            duplicates = plan.duplicates
        }

        var description: String {
            "accepted \(accepted) at \(logSeqs), refused \(refused), steps \(steps), conflicts \(conflicts), "
                + "reassertions \(reassertions), progress \(progress), duplicates \(duplicates)"
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var facts: PrefetchedFacts
        var batch: [Change]
        var expected: Summary
        var testDescription: String { name }
    }

    static let claim = "C1", line = "L1"
    static let claimKey = PushScreen.RowKey(table: "claim", id: claim)
    static let lineKey = PushScreen.RowKey(table: "service_line", id: line)
    /// C1 as the node holds it: written by the central office at server sequence 30.
    static func heldClaim(_ values: [String: FieldValue] = F.claimValues()) -> [PushScreen.RowKey: [String: FieldState]] {
        [claimKey: F.states(values, at: F.version(500, 9, site: F.node), serverSeq: 30)]
    }
    static func absent(_ facts: PrefetchedFacts) -> PrefetchedFacts {
        var facts = facts
        F.absent([claimKey, lineKey], in: &facts)
        return facts
    }

    static let cases: [Case] = [
        Case(name: "duplicate: a change at or below the site's progress is acknowledged with its log sequence",
             facts: F.facts(progress: 5, rows: heldClaim(), logged: [ChangeKey(site: F.site, seq: 5): 42]),
             batch: [F.edit("claim", claim, "notes", .text("x"), seq: 5, millis: 600, observed: 30)],
             expected: Summary(accepted: [5], logSeqs: [42], duplicates: 1)),
        Case(name: "replay: a whole batch again changes nothing and answers the same sequences",
             facts: F.facts(progress: 7, rows: heldClaim(),
                            logged: [ChangeKey(site: F.site, seq: 6): 51, ChangeKey(site: F.site, seq: 7): 52]),
             batch: [F.edit("claim", claim, "notes", .text("x"), seq: 6, millis: 600, observed: 30),
                     F.edit("claim", claim, "notes", .text("y"), seq: 7, millis: 601, observed: 30)],
             expected: Summary(accepted: [6, 7], logSeqs: [51, 52], duplicates: 2)),
        Case(name: "refusal keeps progress: a refused change alone moves nothing",
             facts: F.facts(progress: 3, rows: heldClaim()),
             batch: [F.edit("claim", claim, "no_such_field", .text("x"), seq: 4, millis: 600, observed: 30)],
             expected: Summary(refused: [.unknownField])),
        Case(name: "refusal in the middle: the changes around it go on, progress is the last accepted",
             facts: { var facts = F.facts(progress: 3, rows: heldClaim())
                      F.absent([PushScreen.RowKey(table: "claim", id: "C9")], in: &facts)
                      return facts }(),
             batch: [F.edit("claim", claim, "notes", .text("a"), seq: 4, millis: 600, observed: 30),
                     F.edit("claim", "C9", "notes", .text("b"), seq: 5, millis: 601, observed: 30),
                     F.edit("claim", claim, "notes", .text("c"), seq: 6, millis: 602, observed: 30)],
             expected: Summary(accepted: [4, 6], logSeqs: [101, 102], refused: [.invalidValue],
                               steps: ["update notes", "update notes"], progress: [F.site: 6])),
        Case(name: "insert then edit in one batch: the edit sees the row the insert made",
             facts: absent(F.facts()),
             batch: [F.insert("claim", claim, F.claimValues(), seq: 1, millis: 600),
                     F.edit("claim", claim, "notes", .text("call payer"), seq: 2, millis: 601, observed: 0)],
             expected: Summary(accepted: [1, 2], logSeqs: [101, 102], steps: ["insert claim", "update notes"],
                               progress: [F.site: 2])),
        Case(name: "line after claim: the line's reference names the claim inserted just before",
             facts: absent(F.facts()),
             batch: [F.insert("claim", claim, F.claimValues(), seq: 1, millis: 600),
                     F.insert("service_line", line, F.lineValues(claim: claim), seq: 2, millis: 601)],
             expected: Summary(accepted: [1, 2], logSeqs: [101, 102], steps: ["insert claim", "insert service_line"],
                               progress: [F.site: 2])),
        Case(name: "line before its claim: the claim is no row this node holds yet",
             facts: absent(F.facts()),
             batch: [F.insert("service_line", line, F.lineValues(claim: claim), seq: 1, millis: 600),
                     F.insert("claim", claim, F.claimValues(), seq: 2, millis: 601)],
             expected: Summary(accepted: [2], logSeqs: [101], refused: [.outOfScope], steps: ["insert claim"],
                               progress: [F.site: 2])),
        Case(name: "two edits of one field: the second wins over the first, no conflict",
             facts: F.facts(rows: heldClaim()),
             batch: [F.edit("claim", claim, "notes", .text("a"), seq: 1, millis: 600, observed: 30),
                     F.edit("claim", claim, "notes", .text("b"), seq: 2, millis: 601, observed: 30)],
             expected: Summary(accepted: [1, 2], logSeqs: [101, 102], steps: ["update notes", "update notes"],
                               progress: [F.site: 2])),
        Case(name: "concurrent edit: an older write that had not seen the node's loses and is kept in a conflict",
             facts: F.facts(rows: heldClaim(F.claimValues(notes: "central note"))),
             batch: [F.edit("claim", claim, "notes", .text("clinic note"), seq: 1, millis: 400, observed: 10)],
             expected: Summary(accepted: [1], logSeqs: [101], steps: ["logged notes"], conflicts: [.concurrentEdit],
                               progress: [F.site: 1])),
        Case(name: "coding edit on a submitted claim its writer had not seen submitted: parked, re-asserted",
             facts: F.facts(rows: heldClaim(F.claimValues(lifecycle: F.rank(.submitted)))),
             batch: [F.edit("claim", claim, "diagnoses", .text("E118"), seq: 1, millis: 600, observed: 10)],
             expected: Summary(accepted: [1], logSeqs: [101], steps: ["logged diagnoses"], conflicts: [.submittedClaim],
                               reassertions: ["claim.diagnoses"], progress: [F.site: 1])),
        Case(name: "coding edit by a writer that had pulled the submission goes ahead",
             facts: F.facts(rows: heldClaim(F.claimValues(lifecycle: F.rank(.submitted)))),
             batch: [F.edit("claim", claim, "diagnoses", .text("E118"), seq: 1, millis: 600, observed: 30)],
             expected: Summary(accepted: [1], logSeqs: [101], steps: ["update diagnoses"], progress: [F.site: 1])),
        Case(name: "line inserted into a submitted claim it had not seen submitted: inserted, then tombstoned",
             facts: { var facts = F.facts(rows: heldClaim(F.claimValues(lifecycle: F.rank(.submitted))))
                      F.absent([lineKey], in: &facts)
                      return facts }(),
             batch: [F.insert("service_line", line, F.lineValues(claim: claim), seq: 1, millis: 600, observed: 10)],
             expected: Summary(accepted: [1], logSeqs: [101], steps: ["insert service_line"], conflicts: [.submittedClaim],
                               reassertions: ["service_line.deleted"], progress: [F.site: 1])),
        Case(name: "tombstone vs edit: an edit of a row deleted unseen is applied and kept in a conflict",
             facts: { // The writer saw the row (server sequence 5), not its tombstone (30).
                      var states = F.states(F.claimValues(), at: F.version(500, 9, site: F.node), serverSeq: 5)
                      states["deleted"] = FieldState(value: .integer(1), version: F.version(550, 10, site: F.node),
                                                     serverSeq: 30, observed: 5)
                      return F.facts(rows: [claimKey: states]) }(),
             batch: [F.edit("claim", claim, "notes", .text("late note"), seq: 1, millis: 600, observed: 10)],
             expected: Summary(accepted: [1], logSeqs: [101], steps: ["update notes"], conflicts: [.deleteVersusEdit],
                               progress: [F.site: 1])),
        Case(name: "a change of the node's own site coming back is a duplicate, never logged",
             facts: F.facts(rows: heldClaim()),
             batch: [Change(table: "claim", row: claim, owner: F.clinic, field: "notes", value: .text("x"),
                            version: F.version(600, 1, site: F.node), observed: 0)],
             expected: Summary(duplicates: 1)),
    ]

    @Test(arguments: cases)
    func plansTheBatch(_ example: Case) throws {
        var facts = example.facts
        let plan = try ApplyPlanner.plan(example.batch, settings: F.settings(), facts: &facts)
        #expect(Summary(plan) == example.expected)
        #expect(facts.missing.isEmpty, "asked for facts the case did not give: \(facts.missing)")
    }

    @Test func replyListsOwnThenForeignRefusalsAndTheHighestAnswered() throws {
        var facts = F.facts(rows: Self.heldClaim())
        let batch = [F.edit("claim", Self.claim, "notes", .text("a"), seq: 4, millis: 600, observed: 30),
                     F.edit("claim", Self.claim, "no_such", .text("b"), seq: 9, millis: 601, observed: 30)]
        let plan = try ApplyPlanner.plan(batch, settings: F.settings(), facts: &facts)
        let foreign = RefusedChange(seq: 3, reason: .wrongSite, message: "a change from another site")
        let reply = plan.response(conflictsCreated: 2, foreign: [foreign])
        #expect(reply.applied == [4])
        #expect(reply.serverSeqs == [101])
        #expect(reply.refused.map(\.seq) == [9, 3])
        #expect(reply.highestAppliedSeq == 9)
        #expect(reply.conflictsCreated == 2)
    }

    @Test func aMissingFactIsRecordedNotGuessedSilently() throws {
        var facts = PrefetchedFacts()
        let batch = [F.edit("claim", Self.claim, "notes", .text("a"), seq: 1, millis: 600, observed: 0)]
        _ = try ApplyPlanner.plan(batch, settings: F.settings(), facts: &facts)
        #expect(facts.missing.sites == [F.site])
        #expect(facts.missing.owners.contains(Self.claimKey))
    }

    @Test func aPulledPageIsMergedWithoutTheScreenAndLogsNothingMergedAway() throws {
        // At a clinic (not central): no screen, a losing change is not logged, states keep the change's server sequence.
        var facts = F.facts(rows: Self.heldClaim(F.claimValues(notes: "newer")))
        let settings = ApplyPlanner.Settings(localSite: "clinic-site", central: false, nextLogSeq: 7)
        let older = Change(table: "claim", row: Self.claim, owner: F.clinic, field: "notes", value: .text("older"),
                           version: F.version(400, 3, site: "other"), observed: 30, serverSeq: 31)
        let plan = try ApplyPlanner.plan([older], settings: settings, facts: &facts)
        #expect(plan.steps.isEmpty)
        #expect(plan.accepted == [3])
        #expect(plan.logSeqs == [0])
        #expect(plan.progress == ["other": 3])
    }
}
