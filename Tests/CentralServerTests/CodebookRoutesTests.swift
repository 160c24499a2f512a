import BillingModel
import CentralServer
import ClinicStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

/// The published code releases, for enrolled clinics only, one bulk file per release.
@Suite struct CodebookRoutesTests {
    @Test func aClinicListsTheReleasesAndFetchesOneAsAGzippedFile() async throws {
        let node = try TestNode()
        let published = try node.central.loadBundledCodebooks(only: [.pos])
        let release = try #require(published.first)
        try await node.application().test(.router) { client in
            let listed = try await client.execute(uri: "/v1/codebooks/releases", method: .get,
                                                  headers: HTTP.headers(token: node.tokens["alpha"]))
            #expect(listed.status == .ok)
            #expect(try HTTP.decode([CodeRelease].self, from: listed).map(\.id) == [release.id])

            let fetched = try await client.execute(uri: "/v1/codebooks/releases/\(release.id)", method: .get,
                                                   headers: HTTP.headers(token: node.tokens["alpha"], extra: [.acceptEncoding: "gzip"]))
            #expect(fetched.status == .ok)
            #expect(fetched.headers[.contentEncoding] == "gzip")
            let file = try HTTP.decode(ReleaseFile.self, from: fetched)
            #expect(file.id == release.id && file.system == .pos)
            #expect(file.codes?.count == release.entryCount)

            // The file imports at a clinic as a central release.
            let clinic = try TestNode.clinic("alpha")
            #expect(try clinic.importReleaseFile(file))
        }
    }

    @Test func releasesNeedAClinicToken() async throws {
        let node = try TestNode()
        try await node.application().test(.router) { client in
            for uri in ["/v1/codebooks/releases", "/v1/codebooks/releases/anything"] {
                let response = try await client.execute(uri: uri, method: .get, headers: HTTP.headers(token: nil))
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func aMismatchedSchemaHeaderIsRefusedButAMissingOneIsNot() async throws {
        let node = try TestNode()
        try await node.application().test(.router) { client in
            let wrong = try await client.execute(uri: "/v1/codebooks/releases", method: .get,
                                                 headers: HTTP.headers(token: node.tokens["alpha"], schema: 99))
            #expect(wrong.status == .conflict)
            let missing = try await client.execute(uri: "/v1/codebooks/releases", method: .get,
                                                   headers: HTTP.headers(token: node.tokens["alpha"], schema: nil))
            #expect(missing.status == .ok)
        }
    }
}
