import Testing
@testable import SyncModel

/// R1 (greatest version wins) and R2 (concurrent edits with different values are conflicts).
@Suite struct LastWriterWinsTests {
    typealias F = Fixture

    struct R1Case: CustomTestStringConvertible, Sendable {
        let name: String
        let current: Version?
        let incoming: Version
        let applied: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        R1Case(name: "no current state", current: nil, incoming: F.version(5, F.clinic, 1), applied: true),
        R1Case(name: "later clock", current: F.version(5, F.clinic, 9), incoming: F.version(6, F.central, 1),
               applied: true),
        R1Case(name: "earlier clock", current: F.version(6, F.central, 1), incoming: F.version(5, F.clinic, 9),
               applied: false),
        R1Case(name: "clock tie, greater site", current: F.version(5, F.central, 9),
               incoming: F.version(5, F.clinic, 1), applied: true),
        R1Case(name: "clock tie, smaller site", current: F.version(5, F.clinic, 1),
               incoming: F.version(5, F.central, 9), applied: false),
        R1Case(name: "same clock and site, later seq", current: F.version(5, F.clinic, 1),
               incoming: F.version(5, F.clinic, 2), applied: true),
        R1Case(name: "the current write again", current: F.version(5, F.clinic, 1),
               incoming: F.version(5, F.clinic, 1), applied: false),
    ])
    func greatestVersionWins(_ example: R1Case) {
        // Sequential writes (each replaced the current one), so R1 alone decides.
        let current = example.current.map { FieldState(value: "old", version: $0, serverSeq: 1, observed: 0) }
        let incoming = F.change("notes", "new", at: example.incoming, replaced: example.current, observed: 1)
        let decision = Merge.field(current: current, incoming: incoming, context: RowContext())
        #expect(decision.apply == example.applied)
        #expect(decision.outcome == (example.applied ? .applied : .ignored))
        #expect(decision.reassertion == nil)
    }

    /// Two writes of one field from the same base, at the clinic and at the central node.
    struct R2Case: CustomTestStringConvertible, Sendable {
        let name: String
        let clinicValue: FieldValue
        let clinicMillis: Int64
        let centralValue: FieldValue
        let centralMillis: Int64
        /// nil: no conflict expected; else which site's write loses.
        let loser: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        R2Case(name: "central later, values differ", clinicValue: "E119", clinicMillis: 10,
               centralValue: "I10", centralMillis: 20, loser: F.clinic),
        R2Case(name: "clinic later, values differ", clinicValue: "E119", clinicMillis: 30,
               centralValue: "I10", centralMillis: 20, loser: F.central),
        R2Case(name: "clock tie, site decides", clinicValue: "E119", clinicMillis: 20,
               centralValue: "I10", centralMillis: 20, loser: F.central),
        R2Case(name: "same value: nothing to keep", clinicValue: "E119", clinicMillis: 10,
               centralValue: "E119", centralMillis: 20, loser: nil),
        R2Case(name: "integer and whole real are one value", clinicValue: .integer(3), clinicMillis: 10,
               centralValue: .real(3), centralMillis: 20, loser: nil),
    ])
    func concurrentEditsInBothDeliveryOrders(_ example: R2Case) throws {
        let base = F.version(1, F.clinic, 1)
        // The clinic wrote without having pulled the central write (cursor 5), the central node
        // wrote before the clinic's push arrived (log head 5).
        let clinic = F.change("diagnoses", example.clinicValue, at: F.version(example.clinicMillis, F.clinic, 2),
                              replaced: base, observed: 5, serverSeq: 7)
        let central = F.change("diagnoses", example.centralValue,
                               at: F.version(example.centralMillis, F.central, 40), replaced: base, observed: 5,
                               serverSeq: 6)
        let atCentral = F.deliver(clinic, after: central)
        let atClinic = F.deliver(central, after: clinic)

        let winner = max(clinic.version, central.version)
        #expect(atCentral.state?.version == winner)
        #expect(atClinic.state?.version == winner)
        #expect(atCentral.decision.conflicts == atClinic.decision.conflicts)
        guard let loserSite = example.loser else {
            #expect(atCentral.decision.conflicts.isEmpty)
            return
        }
        let conflict = try #require(atCentral.decision.conflicts.first)
        #expect(atCentral.decision.conflicts.count == 1)
        let (loser, won) = loserSite == F.clinic ? (clinic, central) : (central, clinic)
        #expect(conflict.kind == .concurrentEdit)
        #expect(conflict.loser == .init(value: loser.value, version: loser.version))
        #expect(conflict.winner == .init(value: won.value, version: won.version))
        #expect((conflict.table, conflict.row, conflict.field, conflict.owner)
            == ("claim", F.claimRow, "diagnoses", F.clinic))
        #expect(conflict.id == ConflictRecord.id(kind: .concurrentEdit, table: "claim", row: F.claimRow,
                                                 field: "diagnoses", loser: loser.version))
    }

    struct SeenCase: CustomTestStringConvertible, Sendable {
        let name: String
        let incoming: Change
        var testDescription: String { name }
    }

    static let current = FieldState(value: "I10", version: F.version(20, F.central, 40), serverSeq: 6, observed: 5)

    @Test(arguments: [
        SeenCase(name: "replaced the current version", incoming: F.change(
            "diagnoses", "E119", at: F.version(30, F.clinic, 2), replaced: F.version(20, F.central, 40), observed: 0)),
        SeenCase(name: "had pulled past it", incoming: F.change(
            "diagnoses", "E119", at: F.version(30, F.clinic, 2), replaced: F.version(1, F.clinic, 1), observed: 6)),
        SeenCase(name: "same site, later sequence", incoming: F.change(
            "diagnoses", "E119", at: F.version(30, F.central, 41), replaced: F.version(1, F.clinic, 1), observed: 0)),
    ])
    func aWinnerThatSawTheCurrentValueIsNoConflict(_ example: SeenCase) {
        let decision = Merge.field(current: Self.current, incoming: example.incoming, context: RowContext())
        #expect(decision.apply)
        #expect(decision.conflicts.isEmpty)
    }

    @Test func aLoserTheCurrentWriterHadSeenIsNoConflict() {
        // A replay the duplicate filter missed: the current write came after it at the central node.
        let old = F.change("diagnoses", "E119", at: F.version(10, F.clinic, 2), observed: 0, serverSeq: 4)
        let decision = Merge.field(current: Self.current, incoming: old, context: RowContext())
        #expect(decision.outcome == .ignored)
        #expect(decision.conflicts.isEmpty)
    }

    @Test func conflictRecordsThemselvesMergeSilently() {
        let current = FieldState(value: "one message", version: F.version(5, F.central, 3), observed: 0)
        let incoming = F.change("message", "another message", at: F.version(6, F.clinic, 4), table: "conflict")
        let decision = Merge.field(current: current, incoming: incoming, context: RowContext())
        #expect(decision.apply)
        #expect(decision.conflicts.isEmpty)
        let older = Merge.field(current: FieldState(applying: incoming),
                                incoming: F.change("message", "x", at: F.version(1, F.central, 1), table: "conflict"),
                                context: RowContext())
        #expect(older.outcome == .ignored && older.conflicts.isEmpty)
    }
}
