import Testing
@testable import SyncModel

@Suite struct ConflictResolutionTests {
    typealias F = Fixture

    static func record(_ kind: ConflictKind, field: String = "units") -> ConflictRecord {
        ConflictRecord(kind: kind, table: "service_line", row: F.lineRow, owner: F.clinic, field: field,
                       winner: .init(value: kind == .deleteVersusEdit ? 1 : 2, version: F.version(20, F.central, 4)),
                       loser: .init(value: 3, version: F.version(10, F.clinic, 2)))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let kind: ConflictKind
        let choice: ConflictResolution
        /// field → value written to the conflicted row, in order.
        let writes: [String: FieldValue]
        var testDescription: String { "\(kind.rawValue) \(choice.name)" }
    }

    @Test(arguments: [
        Case(kind: .concurrentEdit, choice: .keepWinner, writes: ["units": 2]),
        Case(kind: .concurrentEdit, choice: .keepLoser, writes: ["units": 3]),
        Case(kind: .concurrentEdit, choice: .value(5), writes: ["units": 5]),
        Case(kind: .deleteVersusEdit, choice: .keepWinner, writes: ["deleted": 1]),
        Case(kind: .deleteVersusEdit, choice: .keepLoser, writes: ["units": 3, "deleted": 0]),
        Case(kind: .deleteVersusEdit, choice: .value(5), writes: ["units": 5, "deleted": 0]),
        Case(kind: .submittedClaim, choice: .keepWinner, writes: [:]),
        Case(kind: .submittedClaim, choice: .value(2), writes: [:]),
    ])
    func writesOfEachChoice(_ example: Case) throws {
        let record = Self.record(example.kind)
        let plan = try record.resolution(example.choice)
        #expect(Dictionary(uniqueKeysWithValues: plan.writes.map { ($0.field, $0.value) }) == example.writes)
        #expect(plan.writes.allSatisfy { $0.table == "service_line" && $0.row == F.lineRow && $0.owner == F.clinic })
        #expect(plan.closing == [
            FieldWrite(table: "conflict", row: record.id, owner: F.clinic, field: "status", value: 1),
            FieldWrite(table: "conflict", row: record.id, owner: F.clinic, field: "resolution",
                       value: .text(example.choice.name)),
        ])
        #expect(plan.all == plan.writes + plan.closing)
    }

    @Test(arguments: [ConflictResolution.keepLoser, .value(3)])
    func aSubmittedClaimNeedsAReplacementClaim(choice: ConflictResolution) {
        let record = Self.record(.submittedClaim)
        #expect(throws: ResolutionError.replacementClaimNeeded(conflict: record.id, table: "service_line",
                                                               field: "units")) {
            try record.resolution(choice)
        }
        #expect(ResolutionError.replacementClaimNeeded(conflict: "c1", table: "claim", field: "diagnoses").description
            .contains("replacement claim (frequency 7)"))
    }

    @Test func keepingTheWinnerOfAParkedLineWritesNothing() throws {
        let record = Self.record(.submittedClaim, field: "*")
        #expect(try record.resolution(.keepWinner).writes.isEmpty)
        #expect(throws: ResolutionError.self) { try record.resolution(.keepLoser) }
    }

    @Test func aResolvedConflictIsNotResolvedTwice() {
        var record = Self.record(.concurrentEdit)
        record.status = .resolved
        #expect(throws: ResolutionError.alreadyResolved(conflict: record.id)) { try record.resolution(.keepWinner) }
    }
}
