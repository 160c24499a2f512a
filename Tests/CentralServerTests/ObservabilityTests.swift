import CentralServer
import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SyncModel
import Testing

/// `/healthz`, `/metrics` and the request log.
@Suite struct ObservabilityTests {
    @Test func healthSaysOkWithTheSchemaVersion() async throws {
        let node = try TestNode()
        try await node.application().test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(try HTTP.decode(HealthStatus.self, from: response)
                    == HealthStatus(status: "ok", schemaVersion: StoreMigrations.schemaVersion))
        }
    }

    @Test func metricsCountRequestsByRouteAndStatusAndSyncWork() async throws {
        let node = try TestNode()
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        _ = try clinic.addPayer(payerID: "PAYER02", name: "Second Plan")
        try await node.application().test(.router) { client in
            try await client.sync(clinic, token: node.tokens["alpha"]!)
            _ = try await client.pull(since: 0, site: "x", token: "alpha.forged")
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = String(decoding: try HTTP.bytes(of: response), as: UTF8.self)
            let lines = text.split(separator: "\n").map(String.init)
            func value(_ prefix: String, _ labels: [String] = []) -> Double? {
                lines.first { $0.hasPrefix(prefix) && labels.allSatisfy($0.contains) }
                    .flatMap { $0.split(separator: " ").last.flatMap { Double($0) } }
            }
            #expect(text.contains("# TYPE clinicsync_http_requests_total counter"))
            #expect(value("clinicsync_http_requests_total", [#"route="/v1/sync/push""#, #"status="200""#]) == 1)
            #expect(value("clinicsync_http_requests_total", [#"route="/v1/sync/pull""#, #"status="401""#]) == 1)
            #expect(value("clinicsync_http_request_duration_seconds_count", [#"route="/v1/sync/push""#]) == 1)
            #expect(value("clinicsync_pushes_total") == 1)
            #expect(value("clinicsync_changes_applied_total") == 2)
            #expect(value("clinicsync_conflicts_created_total") == 0)
            #expect((value("clinicsync_pulls_total") ?? 0) >= 1)
        }
    }

    @Test func eachNodeCountsOnItsOwn() async throws {
        let first = try TestNode(), second = try TestNode()
        try await first.application().test(.router) { client in
            for _ in 0..<3 { _ = try await client.execute(uri: "/healthz", method: .get) }
        }
        try await second.application().test(.router) { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            let text = String(decoding: try HTTP.bytes(of: try await client.execute(uri: "/metrics", method: .get)), as: UTF8.self)
            // The second node counts its own one request, not the first node's three.
            let healthz = text.split(separator: "\n").first {
                $0.hasPrefix("clinicsync_http_requests_total") && $0.contains(#"route="/healthz""#)
            }
            #expect(healthz.flatMap { $0.split(separator: " ").last.flatMap { Double($0) } } == 1, "\(text)")
        }
    }

    @Test func theRequestLogNamesRouteStatusAndClinicButNoTokenOrPatientData() async throws {
        let node = try TestNode()
        let logs = CapturedLogs()
        let clinic = try TestNode.clinic("alpha")
        _ = try clinic.addPatient(PatientInput(firstName: "Zebediah", lastName: "Quixote", dateOfBirth: "1970-01-01",
                                               sex: "M", memberID: "MEMBER-7731"))
        let token = node.tokens["alpha"]!
        let app = try buildApplication(store: node.central, configuration: node.configuration, logger: logs.logger())
        try await app.test(.router) { client in
            try await client.sync(clinic, token: token)
            _ = try await client.execute(uri: "/v1/sync/push", method: .post, headers: HTTP.headers(token: token),
                                         body: ByteBuffer(string: #"{"first_name": "Zebediah"}"#))
        }
        let lines = logs.all
        #expect(lines.contains { $0.contains("route=/v1/sync/push") && $0.contains("status=200") && $0.contains("clinic=alpha") })
        #expect(lines.contains { $0.contains("route=/v1/sync/push") && $0.contains("status=400") })
        for secret in [token, String(token.split(separator: ".")[1]), "Zebediah", "Quixote", "MEMBER-7731", "1970-01-01"] {
            #expect(!lines.contains { $0.contains(secret) }, "a log line holds \(secret.prefix(6))…")
        }
    }
}
