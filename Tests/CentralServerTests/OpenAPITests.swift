import CentralServer
import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

/// `Schemas/openapi.yaml` stays true: it documents every route the router serves, with its
/// methods, and every status the node was seen to answer.
@Suite struct OpenAPITests {
    @Test func everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() throws {
        let node = try TestNode()
        let router = buildRouter(store: node.central, configuration: node.configuration)
        let served = Set(router.routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
        let documented = Set(try SchemaFiles.operations().flatMap { path, methods in methods.keys.map { "\($0) \(path)" } })
        #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
        #expect(served.count == 14)
    }

    @Test func everyStatusTheNodeAnswersIsDocumentedForItsOperation() async throws {
        let node = try TestNode(configuration: CentralServerConfiguration(port: 0, adminToken: TestNode.adminToken,
                                                                          maxBodyBytes: BadInputTests.limit))
        let release = try #require(try node.central.loadBundledCodebooks(only: [.pos]).first)
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        let push = try #require(try clinic.nextPush())
        let admin: HTTPFields = [.authorization: "Bearer \(TestNode.adminToken)"]
        let alpha = HTTP.headers(token: node.tokens["alpha"])

        var requests = try BadInputTests.cases.filter { $0.name != "a revoked token" }.map { try $0.request(node, push) }
        requests += [
            try BadInput.push(node, push),
            BadInput.pull(node, query: "since=0&limit=10&site=alpha-x"),
            .init(uri: "/v1/sync/standing?site=alpha-x", method: .get, headers: alpha),
            .init(uri: "/v1/sync/standing?site=alpha-x&mark=1", method: .get, headers: alpha),
            .init(uri: "/v1/sync/standing?site=alpha-x&mark=-1", method: .get, headers: alpha),
            .init(uri: "/v1/sync/standing?site=beta-x", method: .get, headers: alpha),
            .init(uri: "/v1/sync/standing", method: .get, headers: alpha),
            .init(uri: "/v1/codebooks/releases", method: .get, headers: alpha),
            .init(uri: "/v1/codebooks/releases", method: .get, headers: HTTP.headers(token: node.tokens["alpha"], schema: 9)),
            .init(uri: "/v1/codebooks/releases/\(release.id)", method: .get, headers: alpha),
            .init(uri: "/v1/codebooks/synonyms", method: .get, headers: alpha),
            .init(uri: "/v1/admin/clinics", method: .post, headers: admin, body: try HTTP.json(EnrollRequest(clinicID: "gamma"))),
            .init(uri: "/v1/admin/clinics", method: .get, headers: admin),
            .init(uri: "/v1/admin/clinics", method: .get, headers: [:]),
            .init(uri: "/v1/admin/clinics/alpha/rotate", method: .post, headers: admin),
            .init(uri: "/v1/admin/clinics/nobody/rotate", method: .post, headers: admin),
            .init(uri: "/v1/admin/health", method: .get, headers: admin),
            .init(uri: "/v1/admin/clinics/gamma/health", method: .get, headers: admin),
            .init(uri: "/v1/admin/clinics/nobody/health", method: .get, headers: admin),
            .init(uri: "/v1/admin/clinics/gamma/revoke", method: .post, headers: admin),
            .init(uri: "/v1/admin/clinics/gamma/rotate", method: .post, headers: admin),
            .init(uri: "/v1/admin/clinics", method: .post, headers: admin, body: try HTTP.json(EnrollRequest(clinicID: "gamma"))),
            .init(uri: "/v1/admin/clinics", method: .post, headers: admin,
                  body: try HTTP.json(EnrollRequest(clinicID: "gamma", reinstate: true))),
            .init(uri: "/v1/admin/clinics/nobody/revoke", method: .post, headers: admin),
            .init(uri: "/v1/admin/clinics", method: .post, headers: admin,
                  body: ByteBuffer(string: "{\"clinic_id\":\"" + String(repeating: "x", count: 70_000) + "\"}")),
            .init(uri: "/healthz", method: .get, headers: [:]),
            .init(uri: "/metrics", method: .get, headers: [:]),
        ]
        let operations = try SchemaFiles.operations()
        let script = requests
        let observed = try await node.application().test(.router) { client in
            var observed: [String: Set<Int>] = [:]
            for request in script {
                let response = try await client.execute(uri: request.uri, method: request.method, headers: request.headers,
                                                        body: request.body)
                let status = Int(response.status.code)
                guard let template = SchemaFiles.template(for: request.uri, among: operations.keys),
                      let documented = operations[template]?[request.method.rawValue.lowercased()] else {
                    #expect(status == 404, "\(request.method) \(request.uri) is not documented and answered \(status)")
                    continue
                }
                #expect(documented.contains(status), "\(request.method) \(template) answered \(status), not documented")
                observed["\(request.method.rawValue.lowercased()) \(template)", default: []].insert(status)
            }
            return observed
        }
        // Every operation was exercised, and answered at least one documented 2xx.
        for (path, methods) in operations {
            for method in methods.keys {
                let seen = observed["\(method) \(path)"] ?? []
                #expect(seen.contains { (200..<300).contains($0) }, "\(method) \(path) never succeeded: \(seen.sorted())")
            }
        }
    }
}
