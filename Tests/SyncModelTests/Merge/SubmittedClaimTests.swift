import BillingModel
import Testing
@testable import SyncModel

/// R4: no silent change to a submitted claim.
@Suite struct SubmittedClaimTests {
    typealias F = Fixture

    /// The central office submitted the claim; the central node logged that as server sequence 20.
    static let submitted = F.lifecycle(.submitted, at: F.version(100, F.central, 50), serverSeq: 20, observed: 19)
    /// The claim's diagnoses as the central node holds them.
    static let currentDiagnoses = FieldState(value: "E119", version: F.version(50, F.clinic, 3), serverSeq: 12,
                                             observed: 4)

    /// A coding edit the clinic made before it pulled the submission (cursor 19).
    static let unawareEdit = F.change("diagnoses", "E119,I10", at: F.version(120, F.clinic, 4),
                                      replaced: F.version(50, F.clinic, 3), observed: 19, serverSeq: 21)

    @Test func anUnawareCodingEditIsParkedAndReasserted() throws {
        let decision = Merge.field(current: Self.currentDiagnoses, incoming: Self.unawareEdit,
                                   context: RowContext(claimLifecycle: Self.submitted))
        #expect(decision.outcome == .parked)
        #expect(!decision.apply)
        let conflict = try #require(decision.conflicts.first)
        #expect(decision.conflicts.count == 1)
        #expect(conflict.kind == .submittedClaim)
        #expect(conflict.field == "diagnoses")
        #expect(conflict.loser == .init(value: "E119,I10", version: Self.unawareEdit.version))
        #expect(conflict.winner == .init(value: "E119", version: Self.currentDiagnoses.version))
        #expect(conflict.message.contains("replacement claim (frequency 7)"))
        #expect(!conflict.message.contains("E119"), "messages never carry values")

        let reassertion = try #require(decision.reassertion)
        #expect(reassertion.field == "diagnoses" && reassertion.value == "E119")
        #expect(reassertion.replaces == Self.unawareEdit.version)
        let change = reassertion.change(version: F.version(121, F.central, 51), observed: 21)
        #expect(change.reassertedLifecycle == 19 && change.isReassertion)
        #expect(change.replaced == Self.unawareEdit.version && change.value == "E119")
    }

    @Test func theReassertionWinsAtTheEditingClinicWithoutAnotherConflict() {
        let change = Merge.field(current: Self.currentDiagnoses, incoming: Self.unawareEdit,
                                 context: RowContext(claimLifecycle: Self.submitted))
            .reassertion!.change(version: F.version(121, F.central, 51), observed: 21)
        var pulled = change
        pulled.serverSeq = 23
        // At the clinic the parked edit is current, and the clinic has pulled the submission.
        let decision = Merge.field(current: FieldState(applying: Self.unawareEdit), incoming: pulled,
                                   context: RowContext(claimLifecycle: Self.submitted))
        #expect(decision.apply)
        #expect(decision.conflicts.isEmpty)
    }

    struct GoAheadCase: CustomTestStringConvertible, Sendable {
        let name: String
        let incoming: Change
        let lifecycle: FieldState
        var testDescription: String { name }
    }

    static func edit(_ field: String = "diagnoses", _ value: FieldValue = "E119,I10", site: String = F.clinic,
                     observed: Int64 = 19, table: String = "claim", reasserting: ClaimLifecycle? = nil) -> Change {
        var change = F.change(field, value, at: F.version(120, site, 4), replaced: F.version(50, F.clinic, 3),
                              observed: observed, table: table)
        change.reassertedLifecycle = reasserting.map { Int64($0.rank) }
        return change
    }

    @Test(arguments: [
        GoAheadCase(name: "writer had pulled the submission", incoming: edit(observed: 20), lifecycle: submitted),
        GoAheadCase(name: "writer is the site that set the lifecycle", incoming: edit(site: F.central),
                    lifecycle: submitted),
        GoAheadCase(name: "claim only validated", incoming: edit(),
                    lifecycle: F.lifecycle(.validated, at: F.version(100, F.central, 50), serverSeq: 20)),
        GoAheadCase(name: "claim rejected and re-opened in the next round", incoming: edit(),
                    lifecycle: F.lifecycle(.coded, round: 2, at: F.version(100, F.central, 50), serverSeq: 20)),
        GoAheadCase(name: "writer had seen the rejection", incoming: edit(observed: 20),
                    lifecycle: F.lifecycle(.rejected, at: F.version(100, F.central, 50), serverSeq: 20)),
        GoAheadCase(name: "notes are not coding", incoming: edit("notes", "call payer"), lifecycle: submitted),
        GoAheadCase(name: "a re-assertion of this round's submission", incoming: edit(reasserting: .init(stage: .submitted)),
                    lifecycle: submitted),
        GoAheadCase(name: "a re-assertion while the other site moved the claim on in the round",
                    incoming: edit(reasserting: .init(stage: .submitted)),
                    lifecycle: F.lifecycle(.accepted, at: F.version(100, F.central, 50), serverSeq: 20)),
        GoAheadCase(name: "same value changes nothing", incoming: edit("diagnoses", "E119"), lifecycle: submitted),
    ])
    func codingEditsThatGoAhead(_ example: GoAheadCase) {
        let decision = Merge.field(current: Self.currentDiagnoses, incoming: example.incoming,
                                   context: RowContext(claimLifecycle: example.lifecycle))
        #expect(decision.outcome == .applied)
        #expect(decision.conflicts.allSatisfy { $0.kind != .submittedClaim })
        #expect(decision.reassertion == nil)
    }

    @Test(arguments: [ClaimLifecycle.Stage.submitted, .rejected, .accepted, .paid, .voided])
    func everyStageFromSubmissionOnFreezesUnawareCoding(stage: ClaimLifecycle.Stage) {
        // A rejection does not let in an edit made before the submission: a concurrent
        // "accepted" elsewhere outranks the rejection, and the edit would land in the round.
        let decision = Merge.field(current: Self.currentDiagnoses, incoming: Self.edit(),
                                   context: RowContext(claimLifecycle: F.lifecycle(stage, at: F.version(100, F.central, 50),
                                                                                   serverSeq: 20)))
        #expect(decision.outcome == .parked)
    }

    @Test(arguments: ["pos", "total_charge_cents", "diagnoses"])
    func claimCodingFieldsAreGuarded(field: String) {
        let current = FieldState(value: "old", version: F.version(50, F.clinic, 3), serverSeq: 12, observed: 4)
        let decision = Merge.field(current: current, incoming: Self.edit(field, "new"),
                                   context: RowContext(claimLifecycle: Self.submitted))
        #expect(decision.outcome == .parked)
    }

    @Test func anUnawareEditThatLosesAnywayIsAConcurrentEditAtBothReplicas() throws {
        // The central office re-coded after the clinic's (older) edit, then submitted.
        let centralEdit = F.change("diagnoses", "I10", at: F.version(200, F.central, 49), replaced: F.version(50, F.clinic, 3),
                                   observed: 18, serverSeq: 19)
        let clinicEdit = F.change("diagnoses", "E119,I10", at: F.version(120, F.clinic, 4),
                                  replaced: F.version(50, F.clinic, 3), observed: 10, serverSeq: 21)
        let atCentral = F.deliver(clinicEdit, after: centralEdit, context: RowContext(claimLifecycle: Self.submitted))
        let atClinic = F.deliver(centralEdit, after: clinicEdit, context: RowContext(claimLifecycle: Self.submitted))
        #expect(atCentral.decision.outcome == .ignored && atCentral.decision.reassertion == nil)
        #expect(atCentral.decision.conflicts.map(\.kind) == [.concurrentEdit])
        #expect(atCentral.decision.conflicts == atClinic.decision.conflicts)
        #expect(atCentral.state == atClinic.state)
    }

    @Test func aLineAddedToASubmittedClaimIsInsertedAndTombstoned() throws {
        let insert = Change.insert(table: "service_line", row: F.lineRow, owner: F.clinic,
                                   values: ["claim_id": .text(F.claimRow), "procedure_code": "99213", "units": 1,
                                            "deleted": 0],
                                   version: F.version(120, F.clinic, 5), observed: 19)
        let decision = Merge.row(current: [:], incoming: insert, context: RowContext(claimLifecycle: Self.submitted))
        #expect(decision.parked)
        #expect(decision.appliedFields == ["claim_id", "deleted", "procedure_code", "units"])
        let conflict = try #require(decision.conflicts.first)
        #expect(conflict.kind == .submittedClaim && conflict.field == "*" && conflict.table == "service_line")
        #expect(conflict.loser.version == insert.version && conflict.winner.version == nil)
        #expect(conflict.loser.value.textValue?.contains(#""procedure_code":"99213""#) == true)
        #expect(decision.reassertions == [Reassertion(table: "service_line", row: F.lineRow, owner: F.clinic,
                                                      field: "deleted", value: 1, replaces: insert.version,
                                                      lifecycle: ClaimLifecycle(stage: .submitted))])

        let aware = Merge.row(current: [:], incoming: insert,
                              context: RowContext(claimLifecycle: F.lifecycle(.coded, at: F.version(1, F.central, 1),
                                                                              serverSeq: 2)))
        #expect(!aware.parked && aware.conflicts.isEmpty && aware.reassertions.isEmpty)
    }

    @Test func aReassertionOfAnOlderRoundIsParkedLikeAnyUnawareEdit() {
        // The clinic re-asserted its round-1 submission; the central office meanwhile had the
        // claim rejected and resubmitted it in round 2, which the clinic had not pulled.
        let resubmitted = F.lifecycle(.submitted, round: 2, at: F.version(300, F.central, 60), serverSeq: 30)
        let decision = Merge.field(current: Self.currentDiagnoses, incoming: Self.edit(reasserting: .init(stage: .submitted)),
                                   context: RowContext(claimLifecycle: resubmitted))
        #expect(decision.outcome == .parked)
        #expect(decision.reassertion?.lifecycle == ClaimLifecycle(round: 2, stage: .submitted))
    }

    @Test func removingALineOfASubmittedClaimIsParked() throws {
        let live = FieldState(value: 0, version: F.version(60, F.clinic, 4), serverSeq: 13, observed: 4)
        let tombstone = F.change("deleted", 1, at: F.version(120, F.clinic, 6), replaced: live.version, observed: 19,
                                 table: "service_line", row: F.lineRow)
        let decision = Merge.field(current: live, incoming: tombstone,
                                   context: RowContext(tombstone: live, claimLifecycle: Self.submitted))
        #expect(decision.outcome == .parked)
        #expect(decision.reassertion?.value == 0)
    }
}
