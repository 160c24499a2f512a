import CentralServer
import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

/// Enrolling, rotating, revoking and listing clinics through the admin endpoints.
@Suite struct AdminTests {
    static let admin: HTTPFields = [.authorization: "Bearer \(TestNode.adminToken)"]

    @Test func anEnrolledClinicSyncsWithTheTokenShownOnceAndLosesItWhenRevoked() async throws {
        let node = try TestNode(clinics: [])
        let clinic = try TestNode.clinic("gamma")
        _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        try await node.application().test(.router) { client in
            let enrolled = try await client.execute(uri: "/v1/admin/clinics", method: .post, headers: Self.admin,
                                                    body: try HTTP.json(EnrollRequest(clinicID: "gamma", name: "Gamma Clinic")))
            #expect(enrolled.status == .created)
            let reply = try HTTP.decode(EnrolledClinic.self, from: enrolled)
            #expect(reply.clinicID == "gamma")
            try await client.sync(clinic, token: reply.token)

            let listed = try await client.execute(uri: "/v1/admin/clinics", method: .get, headers: Self.admin)
            #expect(listed.status == .ok)
            #expect(try HTTP.decode([ClinicSummary].self, from: listed).map(\.clinicID) == ["gamma"])
            #expect(!String(decoding: try HTTP.bytes(of: listed), as: UTF8.self).contains(reply.token))

            let revoked = try await client.execute(uri: "/v1/admin/clinics/gamma/revoke", method: .post, headers: Self.admin)
            #expect(revoked.status == .ok)
            #expect(try HTTP.decode(RevokedClinic.self, from: revoked) == RevokedClinic(clinicID: "gamma"))
            let refused = try await client.pull(since: 0, site: clinic.identity.siteID, token: reply.token)
            #expect(refused.status == .unauthorized)
            let summary = try HTTP.decode([ClinicSummary].self,
                                          from: try await client.execute(uri: "/v1/admin/clinics", method: .get, headers: Self.admin))
            #expect(summary.first?.revoked == true && summary.first?.revokedAt != nil)
        }
        #expect(try node.central.payers().count == 1)
    }

    @Test func enrollingAgainRotatesTheToken() async throws {
        let node = try TestNode(clinics: [])
        try await node.application().test(.router) { client in
            func enroll() async throws -> String {
                let response = try await client.execute(uri: "/v1/admin/clinics", method: .post, headers: Self.admin,
                                                        body: try HTTP.json(EnrollRequest(clinicID: "gamma")))
                return try HTTP.decode(EnrolledClinic.self, from: response).token
            }
            let old = try await enroll(), new = try await enroll()
            #expect(old != new)
            #expect(try await client.pull(since: 0, site: "gamma-1", token: old).status == .unauthorized)
            #expect(try await client.pull(since: 0, site: "gamma-1", token: new).status == .ok)
        }
    }

    @Test func revokingAnUnknownClinicIsNotFound() async throws {
        let node = try TestNode(clinics: [])
        try await node.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/admin/clinics/nobody/revoke", method: .post, headers: Self.admin)
            #expect(response.status == .notFound)
            #expect(try HTTP.error(of: response).error == "not_found")
        }
    }

    @Test(arguments: [nil, ""] as [String?])
    func adminEndpointsAreOffWithoutAnAdminToken(adminToken: String?) async throws {
        let node = try TestNode(configuration: CentralServerConfiguration(port: 0, adminToken: adminToken))
        try await node.application().test(.router) { client in
            for token in [TestNode.adminToken, "", node.tokens["alpha"]!] {
                let response = try await client.execute(uri: "/v1/admin/clinics", method: .get,
                                                        headers: [.authorization: "Bearer \(token)"])
                #expect(response.status == .unauthorized)
                #expect(try HTTP.error(of: response).message.contains("disabled"))
            }
        }
    }
}
