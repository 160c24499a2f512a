import Foundation
import SyncModel
@testable import SyncWire
import Testing

/// The fast wire coder: the same JSON values as the Codable conformances, both ways, and
/// Foundation's answer (value or error) for anything it is not sure of.
@Suite struct WireJSONTests {
    static let site = "clinic-a-0001"

    static var changes: [Change] {
        let version = Version(hlc: HLC(millis: 1_740_830_400_000, counter: 3), site: site, seq: 7)
        return [
            .insert(table: "service_line", row: "0190a-1", owner: "clinic-a",
                    values: ["claim_id": "c1", "units": 2, "charge_cents": 12_500, "pos": nil,
                             "modifiers": "25,59", "service_date": "2025-01-10"],
                    version: version, observed: 12, author: "kim"),
            .field(table: "claim", row: "c1", owner: "clinic-a", field: "notes",
                   value: "quote \" backslash \\ tab \t newline \n bell \u{07} é 漢字 🙂",
                   version: Version(hlc: version.hlc.successor, site: site, seq: 8),
                   replaced: Version(hlc: HLC(millis: 1_740_830_000_000), site: "central", seq: 3), observed: 40),
            Change(table: "claim", row: "c1", owner: "clinic-a", field: "lifecycle", value: .integer(-9_223_372_036_854_775_808),
                   version: Version(hlc: HLC(rawValue: .max), site: site, seq: 9), observed: 0, serverSeq: 41,
                   author: nil, reassertedLifecycle: 33),
            .field(table: "claim", row: "c2", owner: "clinic-a", field: "rendering_npi", value: .null,
                   version: Version(hlc: .zero, site: site, seq: 10), replaced: nil, observed: 0),
        ]
    }

    static var push: PushRequest { PushRequest(schemaVersion: 1, clinicID: "clinic-a", siteID: site, changes: changes) }
    static var page: PullResponse {
        PullResponse(changes: changes, nextCursor: 42, hasMore: true, serverClock: HLC(millis: 1_740_830_400_001))
    }

    @Test func writesWhatFoundationReadsBack() throws {
        let push = try JSONDecoder().decode(PushRequest.self, from: Data(try WireJSON.encode(Self.push)))
        #expect(push == Self.push)
        let page = try JSONDecoder().decode(PullResponse.self, from: Data(try WireJSON.encode(Self.page)))
        #expect(page == Self.page)
    }

    @Test func readsWhatFoundationWrites() throws {
        for formatting in [JSONEncoder.OutputFormatting(), [.sortedKeys], [.prettyPrinted, .withoutEscapingSlashes]] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            #expect(try WireJSON.decode(PushRequest.self, from: [UInt8](encoder.encode(Self.push))) == Self.push)
            #expect(try WireJSON.decode(PullResponse.self, from: [UInt8](encoder.encode(Self.page))) == Self.page)
        }
    }

    /// Inputs the fast reader leaves to Foundation: the result, value or error, must be Foundation's.
    @Test(arguments: [
        #"{"schema_version":1,"clinic_id":"a","site_id":"s","changes":[],"extra":true}"#,
        #"{"schema_version":1.0,"clinic_id":"a","site_id":"s","changes":[]}"#,
        #"{"schema_version":1,"clinic_id":"a","clinic_id":"b","site_id":"s","changes":[]}"#,
        #"{"schema_version":1,"clinic_id":"a","site_id":"s","changes":[{"table":"claim","row":"r","owner":"a","field":"units","value":1.5,"hlc":1,"site":"s","seq":1,"observed":0}]}"#,
        #"{"schema_version":1,"clinic_id":"a","site_id":"s","changes":[{"table":"claim","row":"r","owner":"a","field":"notes","hlc":1,"site":"s","seq":1,"observed":0}]}"#,
        #"{"schema_version":1,"clinic_id":"a","site_id":"s","changes":[{"table":"claim","row":"r","owner":"a","field":"*","value":true,"row_values":{"a":1},"hlc":1,"site":"s","seq":1,"observed":0}]}"#,
        #"{"schema_version":1,"clinic_id":"\ud83d\ude42","site_id":"s","changes":[]}"#,
        #"{"schema_version":1,"clinic_id":"a","site_id":"s","changes":[]} x"#,
        #"{"schema_version":99999999999999999999,"clinic_id":"a","site_id":"s","changes":[]}"#,
        #"{"schema_version":1,"clinic_id":"a","site_id":"s","changes":[{"table":"claim","row":"r","owner":"a","field":"n","value":"x","hlc":-1,"site":"s","seq":1,"observed":0}]}"#,
        "not json",
    ])
    func defersToFoundation(json: String) throws {
        let bytes = [UInt8](json.utf8)
        let expected = Result { try JSONDecoder().decode(PushRequest.self, from: Data(bytes)) }
        let actual = Result { try WireJSON.decode(PushRequest.self, from: bytes) }
        switch (expected, actual) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(String(describing: a) == String(describing: b))
        default: Issue.record("fast reader and Foundation disagree on \(json)")
        }
    }

    @Test func otherTypesGoThroughFoundation() throws {
        let reply = PushResponse(applied: [7, 8], highestAppliedSeq: 8, serverSeqs: [41, 42])
        #expect(try WireJSON.decode(PushResponse.self, from: WireJSON.encode(reply)) == reply)
    }
}
