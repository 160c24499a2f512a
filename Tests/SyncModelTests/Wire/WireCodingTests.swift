import Foundation
import Testing
@testable import SyncModel

@Suite struct WireCodingTests {
    private func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }

    private func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    static let fieldChange = Change(
        table: "claim", row: Fixture.claimRow, owner: "clinic-a", field: "notes", value: "call payer",
        version: Version(hlc: HLC(millis: 1_718_000_000_000, counter: 65_535), site: "clinic-a", seq: 7),
        replaced: Fixture.version(1_717_000_000_000, "central", 3), observed: 40, serverSeq: 41, author: "kim")

    @Test func fieldChangeUsesFlatSnakeCaseKeys() throws {
        #expect(try keys(Self.fieldChange) == ["table", "row", "owner", "field", "value", "hlc", "site", "seq",
                                               "replaced", "observed", "server_seq", "author"])
        #expect(try roundTrip(Self.fieldChange) == Self.fieldChange)
    }

    @Test func optionalKeysAreLeftOut() throws {
        var change = Self.fieldChange
        change.replaced = nil
        change.serverSeq = nil
        change.author = nil
        change.value = .null
        #expect(try keys(change) == ["table", "row", "owner", "field", "value", "hlc", "site", "seq", "observed"])
        #expect(try roundTrip(change) == change)
    }

    @Test func reassertedLifecycleAppearsOnlyOnReassertions() throws {
        var change = Self.fieldChange
        change.reassertedLifecycle = 19
        #expect(try keys(change).contains("reasserted_lifecycle"))
        #expect(try roundTrip(change) == change)
    }

    @Test func rowInsertCarriesRowValuesInsteadOfValue() throws {
        let insert = Change.insert(
            table: "service_line", row: Fixture.lineRow, owner: "clinic-a",
            values: ["claim_id": .text(Fixture.claimRow), "units": 2, "charge_cents": 12_500, "pos": nil],
            version: Fixture.version(1_000, "clinic-a", 8), observed: 3)
        let json = try keys(insert)
        #expect(json.contains("row_values") && !json.contains("value"))
        let back = try roundTrip(insert)
        #expect(back == insert)
        #expect(back.isRowInsert)
        #expect(back.fieldChanges.map(\.field) == ["charge_cents", "claim_id", "pos", "units"])
        #expect(back.fieldChanges.allSatisfy { $0.version == insert.version && $0.replaced == nil })
    }

    @Test func aFieldChangeWithoutValueIsRefused() {
        let json = #"{"table":"claim","row":"r","owner":"a","field":"notes","hlc":1,"site":"a","seq":1,"observed":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Change.self, from: Data(json.utf8)) }
    }

    @Test func pushRequestAndResponse() throws {
        let request = PushRequest(schemaVersion: 1, clinicID: "clinic-a", siteID: "clinic-a",
                                  changes: [Self.fieldChange])
        #expect(try keys(request) == ["schema_version", "clinic_id", "site_id", "changes"])
        #expect(try roundTrip(request) == request)

        let response = PushResponse(
            applied: [7, 8], refused: [RefusedChange(seq: 9, reason: .clockSkew, message: "too far ahead")],
            highestAppliedSeq: 8, serverSeqs: [41, 42], conflictsCreated: 1)
        #expect(try keys(response) == ["applied", "refused", "highest_applied_seq", "server_seqs", "conflicts_created"])
        #expect(try roundTrip(response) == response)
        #expect(response.serverSeqBySiteSeq == [7: 41, 8: 42])
        let refused = String(decoding: try JSONEncoder().encode(response.refused[0]), as: UTF8.self)
        #expect(refused.contains(#""reason":"clock_skew""#))
    }

    @Test func pullResponseAndErrorBody() throws {
        let pull = PullResponse(changes: [Self.fieldChange], nextCursor: 41, hasMore: true,
                                serverClock: HLC(millis: 1_718_000_000_500))
        #expect(try keys(pull) == ["changes", "next_cursor", "has_more", "server_clock"])
        #expect(try roundTrip(pull) == pull)

        let error = ErrorBody(error: .schemaMismatch, message: "the server runs schema 2; upgrade this clinic",
                              detail: "client 1, server 2")
        #expect(try keys(error) == ["error", "message", "detail"])
        #expect(try roundTrip(error) == error)
        #expect(error.description == "the server runs schema 2; upgrade this clinic (schema_mismatch)")
    }
}
