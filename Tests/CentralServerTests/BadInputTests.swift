import CentralServer
import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import SyncWire
import Testing

/// DESIGN §8: every bad request gets a clear 4xx JSON error (or a refusal with its reason),
/// changes nothing, and the node keeps serving.
@Suite struct BadInputTests {
    /// Small enough to test, large enough for a normal push.
    static let limit = 256 << 10

    static let cases: [BadInput] = [
        BadInput(name: "malformed JSON", outcome: .error(400, .badRequest), mentions: ["not valid JSON"]) { node, _ in
            BadInput.rawPush(node, #"{"schema_version": 1, "clinic_id": "#)
        },
        BadInput(name: "a field of the wrong type", outcome: .error(400, .badRequest), mentions: ["schema_version"]) { node, _ in
            BadInput.rawPush(node, #"{"schema_version":"one","clinic_id":"alpha","site_id":"s","changes":[]}"#)
        },
        BadInput(name: "a missing key deep in a change", outcome: .error(400, .badRequest), mentions: ["changes[0].hlc"]) { node, push in
            var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(push)) as! [String: Any]
            var changes = json["changes"] as! [[String: Any]]
            changes[0]["hlc"] = nil
            json["changes"] = changes
            return BadInput.rawPush(node, String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
        },
        BadInput(name: "a patient value of the wrong type", outcome: .error(400, .badRequest),
                 mentions: ["changes[0].row_values.first_name"], hides: ["Jane"]) { node, push in
            var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(push)) as! [String: Any]
            var changes = json["changes"] as! [[String: Any]]
            changes[0]["row_values"] = ["first_name": ["Jane"]]
            json["changes"] = changes
            return BadInput.rawPush(node, String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
        },
        BadInput(name: "a body that is not an object", outcome: .error(400, .badRequest)) { node, _ in
            BadInput.rawPush(node, "[1, 2, 3]")
        },
        BadInput(name: "an oversized body", outcome: .error(413, .tooLarge)) { node, _ in
            BadInput.rawPush(node, String(repeating: " ", count: limit + 1))
        },
        BadInput(name: "a gzip body that inflates past the limit", outcome: .error(413, .tooLarge)) { node, _ in
            let bomb = try Gzip.compress([UInt8](repeating: 0x20, count: limit * 4))
            return BadInput.Request(uri: "/v1/sync/push", method: .post,
                                    headers: HTTP.headers(token: node.tokens["alpha"], extra: [.contentEncoding: "gzip"]),
                                    body: ByteBuffer(bytes: bomb))
        },
        BadInput(name: "a damaged gzip body", outcome: .error(400, .badRequest), mentions: ["gzip"]) { node, push in
            let zipped = try Gzip.compress([UInt8](try JSONEncoder().encode(push)))
            return BadInput.Request(uri: "/v1/sync/push", method: .post,
                                    headers: HTTP.headers(token: node.tokens["alpha"], extra: [.contentEncoding: "gzip"]),
                                    body: ByteBuffer(bytes: zipped.prefix(zipped.count / 2)))
        },
        BadInput(name: "an unknown content encoding", outcome: .error(400, .badRequest), mentions: ["br"]) { node, push in
            try BadInput.push(node, push, extra: [.contentEncoding: "br"])
        },
        BadInput(name: "a schema version two behind in the header", outcome: .error(409, .schemaMismatch),
                 mentions: ["upgrade ClinicSync at the clinic"]) { node, push in
            try BadInput.push(node, push, schema: StoreMigrations.schemaVersion - 2)
        },
        BadInput(name: "a newer schema version in the header", outcome: .error(409, .schemaMismatch),
                 mentions: ["upgrade the central node"]) { node, push in
            try BadInput.push(node, push, schema: StoreMigrations.schemaVersion + 1)
        },
        BadInput(name: "no schema version header", outcome: .error(409, .schemaMismatch)) { node, push in
            try BadInput.push(node, push, schema: nil)
        },
        BadInput(name: "a schema version that is not a number", outcome: .error(400, .badRequest)) { node, push in
            var request = try BadInput.push(node, push)
            request.headers[HTTP.schemaHeader] = "v1"
            return request
        },
        BadInput(name: "a newer schema version in the body", outcome: .error(409, .schemaMismatch)) { node, push in
            var push = push
            push.schemaVersion += 1
            return try BadInput.push(node, push)
        },
        BadInput(name: "an unknown table", outcome: .refused(.unknownTable)) { node, push in
            try BadInput.push(node, BadInput.editing(push) { $0.table = "secret_notes" })
        },
        BadInput(name: "an unknown field", outcome: .refused(.unknownField)) { node, push in
            try BadInput.push(node, BadInput.editing(push) { $0.rowValues["social_security_number"] = .text("x") })
        },
        BadInput(name: "another clinic's row", outcome: .refused(.outOfScope)) { node, push in
            try BadInput.push(node, BadInput.editing(push) { $0.owner = "beta"; $0.rowValues["owner"] = .text("beta") })
        },
        BadInput(name: "a field change to a row the node does not have", outcome: .refused(.invalidValue)) { node, push in
            try BadInput.push(node, BadInput.editing(push) { $0.field = "name"; $0.value = .text("Renamed Plan"); $0.rowValues = [:] })
        },
        BadInput(name: "a push in another clinic's name", outcome: .error(403, .forbidden)) { node, push in
            var push = push
            push.clinicID = "beta"
            return try BadInput.push(node, push)
        },
        BadInput(name: "a central-owned row", outcome: .refused(.readOnlyTable)) { node, push in
            try BadInput.push(node, BadInput.editing(push) { $0.owner = LocalStore.centralOwner })
        },
        BadInput(name: "no token", outcome: .error(401, .unauthorized)) { node, push in
            var request = try BadInput.push(node, push)
            request.headers[.authorization] = nil
            return request
        },
        BadInput(name: "a token that is not a bearer token", outcome: .error(401, .unauthorized)) { node, push in
            var request = try BadInput.push(node, push)
            request.headers[.authorization] = "Basic YWxwaGE6c2VjcmV0"
            return request
        },
        BadInput(name: "a forged token", outcome: .error(401, .unauthorized)) { node, push in
            try BadInput.push(node, push, token: "alpha." + String(repeating: "0", count: 64))
        },
        BadInput(name: "another clinic's token with a tampered id", outcome: .error(401, .unauthorized)) { node, push in
            let beta = node.tokens["beta"]!
            return try BadInput.push(node, push, token: "alpha" + beta.drop(while: { $0 != "." }))
        },
        BadInput(name: "a revoked token", outcome: .error(401, .unauthorized),
                 prepare: { node in try node.central.revoke(clinicID: "alpha") }) { node, push in
            try BadInput.push(node, push)
        },
        BadInput(name: "a change stamped an hour ahead", outcome: .error(422, .clockSkew), mentions: ["ahead"]) { node, push in
            let skewed = try TestNode.clinic("alpha", seed: 5, skewMillis: 3_600_000)
            _ = try skewed.addPayer(payerID: "PAYER09", name: "Future Plan")
            return try BadInput.push(node, try #require(try skewed.nextPush()))
        },
        BadInput(name: "a cursor ahead of the log", outcome: .error(400, .badRequest)) { node, _ in
            BadInput.pull(node, query: "since=1000000000000&limit=10&site=alpha-x")
        },
        BadInput(name: "a cursor past Int64", outcome: .error(400, .badRequest), mentions: ["since"]) { node, _ in
            BadInput.pull(node, query: "since=99999999999999999999999&limit=10&site=alpha-x")
        },
        BadInput(name: "a negative cursor", outcome: .error(400, .badRequest), mentions: ["since"]) { node, _ in
            BadInput.pull(node, query: "since=-1&limit=10&site=alpha-x")
        },
        BadInput(name: "a cursor that is not a number", outcome: .error(400, .badRequest), mentions: ["since"]) { node, _ in
            BadInput.pull(node, query: "since=abc&limit=10&site=alpha-x")
        },
        BadInput(name: "no cursor", outcome: .error(400, .badRequest), mentions: ["since"]) { node, _ in
            BadInput.pull(node, query: "limit=10&site=alpha-x")
        },
        BadInput(name: "a negative limit", outcome: .error(400, .badRequest), mentions: ["limit"]) { node, _ in
            BadInput.pull(node, query: "since=0&limit=-5&site=alpha-x")
        },
        BadInput(name: "no site", outcome: .error(400, .badRequest), mentions: ["site"]) { node, _ in
            BadInput.pull(node, query: "since=0&limit=10")
        },
        BadInput(name: "a pull without a token", outcome: .error(401, .unauthorized)) { node, _ in
            BadInput.Request(uri: "/v1/sync/pull?since=0&limit=10&site=x", method: .get, headers: HTTP.headers(token: nil))
        },
        BadInput(name: "a wrong admin token", outcome: .error(401, .unauthorized)) { node, _ in
            BadInput.Request(uri: "/v1/admin/clinics", method: .post, headers: [.authorization: "Bearer not-the-admin-token"],
                             body: try HTTP.json(EnrollRequest(clinicID: "gamma")))
        },
        BadInput(name: "a clinic token on an admin endpoint", outcome: .error(401, .unauthorized)) { node, _ in
            BadInput.Request(uri: "/v1/admin/clinics/beta/revoke", method: .post,
                             headers: [.authorization: "Bearer \(node.tokens["alpha"]!)"])
        },
        BadInput(name: "an enrollment with an invalid clinic id", outcome: .error(400, .badRequest)) { node, _ in
            BadInput.Request(uri: "/v1/admin/clinics", method: .post, headers: [.authorization: "Bearer \(TestNode.adminToken)"],
                             body: try HTTP.json(EnrollRequest(clinicID: "no spaces allowed")))
        },
        BadInput(name: "an enrollment of the reserved central id", outcome: .error(400, .badRequest)) { node, _ in
            BadInput.Request(uri: "/v1/admin/clinics", method: .post, headers: [.authorization: "Bearer \(TestNode.adminToken)"],
                             body: try HTTP.json(EnrollRequest(clinicID: LocalStore.centralOwner)))
        },
        BadInput(name: "an unknown endpoint", outcome: .error(404, "not_found")) { node, _ in
            BadInput.Request(uri: "/v1/sync/everything", method: .get, headers: HTTP.headers(token: node.tokens["alpha"]))
        },
        BadInput(name: "an unknown release", outcome: .error(404, "not_found")) { node, _ in
            BadInput.Request(uri: "/v1/codebooks/releases/no-such-release", method: .get, headers: HTTP.headers(token: node.tokens["alpha"]))
        },
    ]

    @Test(arguments: cases)
    func isRefusedClearlyChangesNothingAndTheNodeKeepsServing(_ input: BadInput) async throws {
        let node = try TestNode(configuration: CentralServerConfiguration(port: 0, adminToken: TestNode.adminToken,
                                                                          maxBodyBytes: Self.limit))
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        let push = try #require(try clinic.nextPush())
        try input.prepare(node)
        let request = try input.request(node, push)
        let before = try node.fingerprint()
        try await node.application().test(.router) { client in
            let response = try await client.execute(uri: request.uri, method: request.method, headers: request.headers,
                                                    body: request.body)
            switch input.outcome {
            case .error(let status, let code):
                #expect(Int(response.status.code) == status)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try HTTP.error(of: response)
                #expect(body.error == code)
                #expect(!body.message.isEmpty)
                for word in input.mentions { #expect(body.message.contains(word), "\(body.message)") }
                for word in input.hides { #expect(!body.message.contains(word), "\(body.message)") }
            case .refused(let reason):
                #expect(response.status == .ok)
                let reply = try HTTP.decode(PushResponse.self, from: response)
                #expect(reply.applied.isEmpty)
                #expect(reply.refused.map(\.reason) == [reason])
            }
            #expect(try node.fingerprint() == before)
            #expect(try await client.isHealthy())
        }
    }

    @Test func theNodeKeepsServingAfterEveryBadRequestInARow() async throws {
        let node = try TestNode(configuration: CentralServerConfiguration(port: 0, adminToken: TestNode.adminToken,
                                                                          maxBodyBytes: Self.limit))
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        let push = try #require(try clinic.nextPush())
        let fresh = try TestNode.clinic("alpha", seed: 7)
        _ = try fresh.addPayer(payerID: "PAYER07", name: "Fresh Plan")
        try await node.application().test(.live) { client in
            for input in Self.cases where input.name != "a revoked token" {
                let request = try input.request(node, push)
                let response = try await client.execute(uri: request.uri, method: request.method, headers: request.headers,
                                                        body: request.body)
                #expect((400..<500).contains(Int(response.status.code)) || response.status == .ok, "\(input.name)")
            }
            #expect(try await client.isHealthy())
            // The bad pushes reused the first clinic's change keys; a fresh site syncs normally.
            try await client.sync(fresh, token: node.tokens["alpha"]!)
        }
        let held = try node.central.payers().map(\.payerID)
        #expect(held == ["PAYER07"])
    }
}
