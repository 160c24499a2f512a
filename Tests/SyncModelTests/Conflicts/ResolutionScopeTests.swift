import SyncModel
import Testing

/// DESIGN §4: resolving a conflict writes only the row and field it is about (never `id` or
/// `owner`), in the conflict owner's scope.
@Suite struct ResolutionScopeTests {
    static func record(field: String = "notes", owner: String = "a", kind: ConflictKind = .concurrentEdit) -> ConflictRecord {
        ConflictRecord(kind: kind, table: "claim", row: "claim-1", owner: owner, field: field,
                       winner: .init(value: .text("w"), version: Version(hlc: HLC(millis: 2), site: "s2", seq: 1)),
                       loser: .init(value: .text("l"), version: Version(hlc: HLC(millis: 1), site: "s1", seq: 1)))
    }

    @Test(arguments: [ConflictResolution.keepWinner, .keepLoser, .value(.text("v"))])
    func aResolutionOfTheOwnersRowPasses(_ choice: ConflictResolution) throws {
        let conflict = Self.record()
        #expect(try conflict.resolution(choice).scopeProblem(for: conflict, rowOwner: "a") == nil)
        let deletion = Self.record(kind: .deleteVersusEdit)
        #expect(try deletion.resolution(choice).scopeProblem(for: deletion, rowOwner: "a") == nil)
    }

    @Test func aResolutionOfAnotherClinicsRowOrOfOwnerIsRefused() throws {
        let conflict = Self.record()
        #expect(try conflict.resolution(.keepLoser).scopeProblem(for: conflict, rowOwner: "b") != nil)
        #expect(try conflict.resolution(.keepLoser).scopeProblem(for: conflict, rowOwner: nil) != nil)
        let owner = Self.record(field: "owner")
        #expect(try owner.resolution(.keepLoser).scopeProblem(for: owner, rowOwner: "a") != nil)
        var plan = try conflict.resolution(.keepLoser)
        plan.writes[0].row = "claim-2"
        #expect(plan.scopeProblem(for: conflict, rowOwner: "a") != nil)
    }
}
