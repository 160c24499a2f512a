import Testing
@testable import SyncModel

@Suite struct ConflictRecordTests {
    typealias F = Fixture

    static let loser = Version(hlc: HLC(millis: 1_718_000_000_000, counter: 2), site: "clinic-a", seq: 7)

    @Test func sha256MatchesTheStandardVectors() {
        func hex(_ text: String) -> String {
            SHA256.hash(Array(text.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(String(repeating: "a", count: 1_000))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func idsAreStableUUIDsOfKindTableRowFieldAndLoser() {
        let id = ConflictRecord.id(kind: .concurrentEdit, table: "claim", row: F.claimRow, field: "diagnoses",
                                   loser: Self.loser)
        // Pinned: every replica, process and release must derive this same id (checked against
        // Python's hashlib over the same bytes).
        #expect(id == "9566da82-8d3a-8b5e-b79a-264928e2d6d4")
        #expect(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        #expect(id == ConflictRecord.id(kind: .concurrentEdit, table: "claim", row: F.claimRow, field: "diagnoses",
                                        loser: Self.loser))
        var others: Set<String> = []
        for kind in ConflictKind.allCases {
            others.insert(ConflictRecord.id(kind: kind, table: "claim", row: F.claimRow, field: "diagnoses",
                                            loser: Self.loser))
        }
        others.insert(ConflictRecord.id(kind: .concurrentEdit, table: "claim", row: F.claimRow, field: "pos",
                                        loser: Self.loser))
        others.insert(ConflictRecord.id(kind: .concurrentEdit, table: "claim", row: F.lineRow, field: "diagnoses",
                                        loser: Self.loser))
        var laterLoser = Self.loser
        laterLoser.seq += 1
        others.insert(ConflictRecord.id(kind: .concurrentEdit, table: "claim", row: F.claimRow, field: "diagnoses",
                                        loser: laterLoser))
        #expect(others.count == 6)
    }

    @Test func theWinnerDoesNotChangeTheId() {
        let one = ConflictRecord(kind: .concurrentEdit, table: "claim", row: F.claimRow, owner: F.clinic,
                                 field: "notes", winner: .init(value: "a", version: F.version(9, F.central, 1)),
                                 loser: .init(value: "b", version: Self.loser))
        let other = ConflictRecord(kind: .concurrentEdit, table: "claim", row: F.claimRow, owner: F.clinic,
                               field: "notes", winner: .init(value: "c", version: F.version(99, F.central, 2)),
                               loser: .init(value: "b", version: Self.loser))
        #expect(one.id == other.id)
    }

    @Test(arguments: ConflictKind.allCases)
    func rowRoundTrip(kind: ConflictKind) throws {
        let record = ConflictRecord(kind: kind, table: "service_line", row: F.lineRow, owner: F.clinic,
                                    field: kind == .submittedClaim ? "*" : "units",
                                    winner: .init(value: kind == .submittedClaim ? nil : 2,
                                                  version: kind == .submittedClaim ? nil : F.version(9, F.central, 1)),
                                    loser: .init(value: 3, version: Self.loser))
        let values = record.rowValues
        #expect(values["tbl"] == "service_line" && values["row_id"] == .text(F.lineRow) && values["status"] == 0)
        #expect(try ConflictRecord(id: record.id, rowValues: values) == record)

        let insert = record.insertChange(version: F.version(10, F.central, 5), observed: 3)
        #expect(insert.isRowInsert && insert.table == "conflict" && insert.row == record.id && insert.owner == F.clinic)
    }

    @Test func aMalformedRowSaysWhichColumn() {
        var values = ConflictRecord(kind: .concurrentEdit, table: "claim", row: F.claimRow, owner: F.clinic,
                                    field: "notes", winner: .init(value: "a", version: nil),
                                    loser: .init(value: "b", version: Self.loser)).rowValues
        values["loser_version"] = "not a version"
        #expect(throws: ConflictRowError(id: "x", column: "loser_version")) {
            try ConflictRecord(id: "x", rowValues: values)
        }
        #expect(ConflictRowError(id: "x", column: "loser_version").description
            == "conflict x: column loser_version is missing or malformed")
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
