import Testing
@testable import SyncModel

/// R5: a delete concurrent with an edit keeps the edit in a conflict record, in both orders.
@Suite struct TombstoneTests {
    typealias F = Fixture

    /// One replica's copy of a service line: units and the tombstone.
    struct Line {
        var units: FieldState
        var deleted: FieldState
        var conflicts: [ConflictRecord] = []

        mutating func receive(_ change: Change) {
            let isUnits = change.field == "units"
            let context = RowContext(tombstone: deleted, otherFields: isUnits ? [:] : ["units": units])
            let decision = Merge.field(current: isUnits ? units : deleted, incoming: change, context: context)
            if decision.apply {
                if isUnits { units = FieldState(applying: change) } else { deleted = FieldState(applying: change) }
            }
            conflicts += decision.conflicts
        }

        mutating func write(_ change: Change) {
            if change.field == "units" { units = FieldState(applying: change) } else { deleted = FieldState(applying: change) }
        }
    }

    /// The line as both sites had it: inserted at the clinic and synced (server sequence 3).
    static let inserted = Line(
        units: FieldState(value: 1, version: F.version(10, F.clinic, 1), serverSeq: 3, observed: 0),
        deleted: FieldState(value: 0, version: F.version(10, F.clinic, 1), serverSeq: 3, observed: 0))

    static func edit(millis: Int64, observed: Int64 = 3, serverSeq: Int64 = 9) -> Change {
        F.change("units", 4, at: F.version(millis, F.clinic, 2), replaced: F.version(10, F.clinic, 1),
                 observed: observed, serverSeq: serverSeq, table: "service_line", row: F.lineRow)
    }

    static func deletion(millis: Int64, observed: Int64 = 3, serverSeq: Int64 = 8) -> Change {
        F.change("deleted", 1, at: F.version(millis, F.central, 7), replaced: F.version(10, F.clinic, 1),
                 observed: observed, serverSeq: serverSeq, table: "service_line", row: F.lineRow)
    }

    @Test(arguments: [(editMillis: Int64(20), deleteMillis: Int64(30)), (editMillis: 30, deleteMillis: 20)])
    func concurrentDeleteAndEditKeepTheEditInBothOrders(editMillis: Int64, deleteMillis: Int64) throws {
        let edit = Self.edit(millis: editMillis)
        let deletion = Self.deletion(millis: deleteMillis)
        var atCentral = Self.inserted
        atCentral.write(deletion)
        atCentral.receive(edit)
        var atClinic = Self.inserted
        atClinic.write(edit)
        atClinic.receive(deletion)

        for replica in [atCentral, atClinic] {
            #expect(replica.deleted.value == 1, "the row stays deleted")
            #expect(replica.units.value == 4, "the edit is applied anyway, so replicas converge")
        }
        #expect(atCentral.conflicts == atClinic.conflicts)
        let conflict = try #require(atCentral.conflicts.first)
        #expect(atCentral.conflicts.count == 1)
        #expect(conflict.kind == .deleteVersusEdit && conflict.field == "units")
        #expect(conflict.loser == .init(value: 4, version: edit.version))
        #expect(conflict.winner == .init(value: 1, version: deletion.version))
        #expect(conflict.id == ConflictRecord.id(kind: .deleteVersusEdit, table: "service_line", row: F.lineRow,
                                                 field: "units", loser: edit.version))
    }

    @Test func aDeletionThatSawTheEditIsNoConflict() {
        let edit = Self.edit(millis: 20)
        var atClinic = Self.inserted
        atClinic.write(edit)
        atClinic.receive(Self.deletion(millis: 30, observed: 9, serverSeq: 10))
        #expect(atClinic.deleted.value == 1)
        #expect(atClinic.conflicts.isEmpty)
    }

    @Test func deletingARowWhoseInsertTheDeleterReplacedIsNoConflict() {
        // The clinic never learnt the insert's server sequence, but the tombstone replaced the
        // insert's version, which names the whole insert.
        var atClinic = Self.inserted
        atClinic.units.serverSeq = nil
        atClinic.deleted.serverSeq = nil
        atClinic.receive(Self.deletion(millis: 30, observed: 0))
        #expect(atClinic.conflicts.isEmpty)
    }

    @Test func anEditThatLosesOnADeletedRowIsOnlyAConcurrentEdit() {
        var atCentral = Self.inserted
        let centralUnits = F.change("units", 2, at: F.version(50, F.central, 6), replaced: F.version(10, F.clinic, 1),
                                    observed: 3, serverSeq: 7, table: "service_line", row: F.lineRow)
        atCentral.write(centralUnits)
        atCentral.write(Self.deletion(millis: 60))
        atCentral.receive(Self.edit(millis: 20))
        #expect(atCentral.units.value == 2)
        #expect(atCentral.conflicts.map(\.kind) == [.concurrentEdit])
    }

    @Test func restoringARowIsNotADeletion() {
        var deleted = Self.inserted
        deleted.write(Self.deletion(millis: 20))
        let restore = F.change("deleted", 0, at: F.version(30, F.clinic, 3), replaced: F.version(20, F.central, 7),
                               observed: 8, table: "service_line", row: F.lineRow)
        deleted.receive(restore)
        #expect(deleted.deleted.value == 0)
        #expect(deleted.conflicts.isEmpty)
    }
}
