import BillingModel
import Testing
@testable import SyncModel

/// The planner's overlay is exact: planning a batch in one call gives the same plan as
/// planning it change by change, each time over facts that hold what the changes before it
/// wrote (its steps executed, its progress recorded), with seeded random batches.
@Suite struct ApplyPlannerPropertyTests {
    typealias F = PlannerFixture
    typealias RowKey = PushScreen.RowKey

    static let claims = ["C1", "C2", "C3"], lines = ["L1", "L2", "L3", "L4"]

    /// A node holding some of the claims and lines, and a batch touching them.
    struct World {
        var facts: PrefetchedFacts
        var batch: [Change]
    }

    static func world(seed: UInt64) -> World {
        var random = SplitMix64(seed: seed)
        let progress = Int64.random(in: 0...5, using: &random)
        var rows: [RowKey: [String: FieldState]] = [:]
        for claim in claims where random.chance(50) {
            let stage = random.pick([ClaimLifecycle.Stage.draft, .submitted])
            rows[RowKey(table: "claim", id: claim)] = F.states(
                F.claimValues(lifecycle: F.rank(stage)), at: F.version(Int64.random(in: 300...700, using: &random), 1,
                                                                           site: F.node),
                serverSeq: Int64.random(in: 1...60, using: &random))
        }
        for line in lines where random.chance(40) {
            let claim = random.pick(claims)
            guard rows[RowKey(table: "claim", id: claim)] != nil else { continue }
            rows[RowKey(table: "service_line", id: line)] = F.states(
                F.lineValues(claim: claim), at: F.version(Int64.random(in: 300...700, using: &random), 2, site: F.node),
                serverSeq: Int64.random(in: 1...60, using: &random))
        }
        var logged: [ChangeKey: Int64?] = [:]
        for seq in 1...60 { logged[ChangeKey(site: F.site, seq: Int64(seq))] = seq <= progress ? .some(Int64(seq) + 10) : .some(nil) }
        var facts = F.facts(progress: progress, rows: rows, logged: logged)
        F.absent(claims.map { RowKey(table: "claim", id: $0) } + lines.map { RowKey(table: "service_line", id: $0) },
                 in: &facts)

        var batch: [Change] = []
        var seq = progress
        for _ in 0..<Int.random(in: 1...25, using: &random) {
            // Mostly the next sequence; now and then a replay or a step back.
            seq = random.chance(10) ? max(1, seq - Int64.random(in: 0...3, using: &random)) : seq + 1
            let millis = Int64.random(in: 300...900, using: &random)
            let observed = Int64.random(in: 0...60, using: &random)
            let claim = random.pick(claims), line = random.pick(lines)
            switch Int.random(in: 0..<9, using: &random) {
            case 0: batch.append(F.insert("claim", claim, F.claimValues(), seq: seq, millis: millis, observed: observed))
            case 1: batch.append(F.insert("service_line", line, F.lineValues(claim: claim), seq: seq, millis: millis,
                                          observed: observed))
            case 2: batch.append(F.edit("claim", claim, "notes", .text("n\(seq)"), seq: seq, millis: millis, observed: observed))
            case 3: batch.append(F.edit("claim", claim, "diagnoses", .text("E11\(seq % 10)"), seq: seq, millis: millis,
                                        observed: observed))
            case 4: batch.append(F.edit("claim", claim, "lifecycle", F.rank(random.pick([ClaimLifecycle.Stage.validated, .submitted])),
                                        seq: seq, millis: millis, observed: observed))
            case 5: batch.append(F.edit("service_line", line, "units", .integer(seq), seq: seq, millis: millis,
                                        observed: observed))
            case 6: batch.append(F.edit("service_line", line, "deleted", .integer(1), seq: seq, millis: millis,
                                        observed: observed))
            case 7: batch.append(F.edit("claim", claim, "deleted", .integer(Int64.random(in: 0...1, using: &random)),
                                        seq: seq, millis: millis, observed: observed))
            default: batch.append(F.edit("claim", claim, "no_such", .text("x"), seq: seq, millis: millis, observed: observed))
            }
        }
        return World(facts: facts, batch: batch)
    }

    /// What executing `plan` leaves in the node's facts (the row writes, log and progress; the
    /// re-assertions and conflicts, written after a batch, are not read by the planner).
    static func execute(_ plan: ApplyPlan, on facts: inout PrefetchedFacts) {
        for step in plan.steps {
            let change = step.change
            let key = RowKey(table: change.table, id: change.row)
            let state = { (value: FieldValue) in
                FieldState(value: value, version: change.version, serverSeq: step.logSeq, observed: change.observed)
            }
            switch step.write {
            case .insert(let columns)?:
                facts.owners[key] = .some(change.owner)
                facts.states[key] = Dictionary(uniqueKeysWithValues: columns.map { ($0, state(change.rowValues[$0] ?? .null)) })
            case .update(let column, let value)?:
                facts.states[key]?[column] = state(value)
            case nil:
                break
            }
            facts.loggedSeqs[change.key] = .some(step.logSeq)
        }
        for (site, seq) in plan.progress { facts.progress[site] = max(facts.progress[site] ?? 0, seq) }
    }

    static func combine(_ plans: [ApplyPlan]) -> ApplyPlan {
        var all = ApplyPlan()
        for plan in plans {
            all.steps += plan.steps
            all.reassertions += plan.reassertions
            all.conflicts += plan.conflicts
            all.refused += plan.refused
            all.accepted += plan.accepted
            all.logSeqs += plan.logSeqs
            all.duplicates += plan.duplicates
            all.written += plan.written
            all.maxHLC = max(all.maxHLC, plan.maxHLC)
            all.progress.merge(plan.progress) { max($0, $1) }
        }
        return all
    }

    @Test(arguments: 0..<300)
    func oneCallEqualsChangeByChange(seed: Int) throws {
        let world = Self.world(seed: UInt64(seed) &* 0x9E37_79B9 &+ 20_261_207)
        var batchFacts = world.facts
        let whole = try ApplyPlanner.plan(world.batch, settings: F.settings(), facts: &batchFacts)
        #expect(batchFacts.missing.isEmpty)

        var facts = world.facts
        var plans: [ApplyPlan] = []
        var next = F.settings().nextLogSeq
        for change in world.batch {
            var settings = F.settings()
            settings.nextLogSeq = next
            let plan = try ApplyPlanner.plan([change], settings: settings, facts: &facts)
            Self.execute(plan, on: &facts)
            next += Int64(plan.steps.count)
            plans.append(plan)
        }
        let stepwise = Self.combine(plans)
        #expect(whole == stepwise, "seed \(seed): \(world.batch.count) changes")
        // Every change is answered: held (duplicates included) or refused.
        #expect(whole.accepted.count + whole.refused.count == world.batch.count)
    }

    @Test func theRandomBatchesReachEveryOutcome() throws {
        var conflicts = Set<ConflictKind>(), reassertions = 0, refused = 0, duplicates = 0, inserts = 0
        for seed in 0..<300 {
            let world = Self.world(seed: UInt64(seed) &* 0x9E37_79B9 &+ 20_261_207)
            var facts = world.facts
            let plan = try ApplyPlanner.plan(world.batch, settings: F.settings(), facts: &facts)
            conflicts.formUnion(plan.conflicts.map(\.kind))
            reassertions += plan.reassertions.count
            refused += plan.refused.count
            duplicates += plan.duplicates
            inserts += plan.steps.filter { if case .insert? = $0.write { true } else { false } }.count
        }
        #expect(conflicts == [.concurrentEdit, .submittedClaim, .deleteVersusEdit])
        #expect(reassertions > 0 && refused > 0 && duplicates > 0 && inserts > 0)
    }
}

