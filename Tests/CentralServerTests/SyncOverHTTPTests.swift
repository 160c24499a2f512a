import CentralServer
import ClinicStore
import Foundation
import Hummingbird
import HummingbirdTesting
import SyncModel
import SyncWire
import Testing

/// Push and pull through the HTTP API with real clinic stores, in process and on loopback.
@Suite struct SyncOverHTTPTests {
    @Test(arguments: [TestingSetup.router, .live])
    func aPayerTravelsToTheOtherSiteOfTheSameClinicAndNotToAnotherClinic(setup: TestingSetup) async throws {
        let node = try TestNode()
        let front = try TestNode.clinic("alpha", seed: 1), back = try TestNode.clinic("alpha", seed: 2)
        let beta = try TestNode.clinic("beta", seed: 3)
        let payer = try front.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        try await node.application().test(setup) { client in
            try await client.sync(front, token: node.tokens["alpha"]!)
            try await client.sync(back, token: node.tokens["alpha"]!)
            try await client.sync(beta, token: node.tokens["beta"]!)
        }
        #expect(try node.central.payers().map(\.id) == [payer.id])
        #expect(try back.payers().map(\.id) == [payer.id])
        #expect(try beta.payers().isEmpty)
        #expect(try front.syncStatus().outbox == 0)
    }

    @Test func aFileBackedNodeOnLoopbackReportsItsPortAndSyncs() async throws {
        let node = try TestNode(file: true)
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "PAYER02", name: "Second Plan")
        let reported = PortBox()
        try await node.application(onServerRunning: { await reported.set($0) }).test(.live) { client in
            try await client.sync(clinic, token: node.tokens["alpha"]!)
            #expect(await reported.port == client.port)
        }
        #expect(try node.central.payers().count == 1)
        #expect(await (reported.port ?? 0) > 0)
    }

    @Test func aGzipPushBodyIsInflatedAndApplied() async throws {
        let node = try TestNode()
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        let request = try #require(try clinic.nextPush())
        let gzipped = try Gzip.compress([UInt8](try JSONEncoder().encode(request)))
        try await node.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/sync/push", method: .post,
                headers: HTTP.headers(token: node.tokens["alpha"], extra: [.contentEncoding: "gzip", .contentType: "application/json"]),
                body: ByteBuffer(bytes: gzipped))
            #expect(response.status == .ok)
            let reply = try HTTP.decode(PushResponse.self, from: response)
            #expect(reply.applied == request.changes.map(\.version.seq))
            #expect(reply.refused.isEmpty)
        }
        #expect(try node.central.payers().count == 1)
    }

    @Test func aLargePullIsGzippedWhenTheClientAcceptsIt() async throws {
        let node = try TestNode()
        let writer = try TestNode.clinic("alpha", seed: 1), reader = try TestNode.clinic("alpha", seed: 2)
        for index in 0..<20 { _ = try writer.addPayer(payerID: "P\(index)", name: "Plan number \(index)") }
        try await node.application().test(.router) { client in
            try await client.sync(writer, token: node.tokens["alpha"]!)
            let headers = HTTP.headers(token: node.tokens["alpha"], extra: [.acceptEncoding: "gzip, deflate"])
            let zipped = try await client.execute(uri: "/v1/sync/pull?since=0&limit=100&site=\(reader.identity.siteID)",
                                                  method: .get, headers: headers)
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(try HTTP.decode(PullResponse.self, from: zipped).changes.count == 20)
            let plain = try await client.pull(since: 0, limit: 100, site: reader.identity.siteID, token: node.tokens["alpha"])
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(try HTTP.decode(PullResponse.self, from: plain).changes.count == 20)
        }
    }

    @Test(arguments: [(limit: 0, expected: 1), (limit: 3, expected: 3), (limit: 1_000_000_000, expected: 5)])
    func theLimitIsClampedNotRefused(limit: Int, expected: Int) async throws {
        let node = try TestNode()
        let writer = try TestNode.clinic("alpha", seed: 1)
        for index in 0..<5 { _ = try writer.addPayer(payerID: "P\(index)", name: "Plan \(index)") }
        try await node.application().test(.router) { client in
            try await client.sync(writer, token: node.tokens["alpha"]!)
            let response = try await client.pull(since: 0, limit: limit, site: "alpha-other", token: node.tokens["alpha"])
            #expect(response.status == .ok)
            let page = try HTTP.decode(PullResponse.self, from: response)
            #expect(page.changes.count == expected)
            #expect(page.hasMore == (expected < 5))
        }
    }

    @Test func aReplayedPushOverHTTPIsAnsweredTheSameAndChangesNothing() async throws {
        let node = try TestNode()
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        let request = try #require(try clinic.nextPush())
        try await node.application().test(.router) { client in
            let first = try HTTP.decode(PushResponse.self, from: try await client.push(request, token: node.tokens["alpha"]))
            let before = try node.fingerprint()
            let second = try HTTP.decode(PushResponse.self, from: try await client.push(request, token: node.tokens["alpha"]))
            #expect(second.applied == first.applied && second.serverSeqs == first.serverSeqs)
            #expect(try node.fingerprint() == before)
        }
    }
}

/// The port `onServerRunning` reported.
actor PortBox {
    var port: Int?
    func set(_ port: Int) { self.port = port }
}
