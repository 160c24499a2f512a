import CLITesting
import CentralServer
import ClinicStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `serve` options: TLS needs both files, a clinic store is refused, HTTPS works.
@Suite struct ConfigurationTests {
    static let logger = Logger(label: "configuration-test")

    @Test(arguments: [("cert.pem", nil), (nil, "key.pem")] as [(String?, String?)])
    func tlsWithOnlyOneFileIsRefusedSayingWhichIsMissing(certificate: String?, key: String?) throws {
        let node = try TestNode()
        let configuration = CentralServerConfiguration(port: 0, tlsCertificatePath: certificate, tlsKeyPath: key)
        let error = #expect(throws: CentralServerError.self) {
            _ = try buildApplication(store: node.central, configuration: configuration, logger: Self.logger)
        }
        #expect(error?.description.contains(certificate == nil ? "--tls-cert" : "--tls-key") == true)
    }

    @Test func tlsFilesThatDoNotExistAreNamed() throws {
        let node = try TestNode()
        let configuration = CentralServerConfiguration(port: 0, tlsCertificatePath: "/nonexistent/cert.pem",
                                                       tlsKeyPath: "/nonexistent/key.pem")
        #expect(throws: CentralServerError.tlsFileUnreadable(path: "/nonexistent/cert.pem",
                                                             reason: "the file does not exist or cannot be read")) {
            _ = try buildApplication(store: node.central, configuration: configuration, logger: Self.logger)
        }
    }

    @Test func aClinicStoreCannotBeServed() throws {
        let clinic = try TestNode.clinic("alpha")
        #expect(throws: CentralServerError.notACentralStore(path: clinic.path)) {
            _ = try buildApplication(store: clinic, configuration: CentralServerConfiguration(port: 0), logger: Self.logger)
        }
    }

    @Test(arguments: [-1, 65_536])
    func aPortOutOfRangeIsRefused(port: Int) throws {
        #expect(throws: CentralServerError.invalidPort(port)) {
            try CentralServerConfiguration(port: port).validate()
        }
    }

    @Test func theDefaultsAreTheDocumentedOnes() {
        let configuration = CentralServerConfiguration()
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080)
        #expect(configuration.skewLimitMillis == 5 * 60 * 1000)
        #expect(configuration.maxBodyBytes == 32 << 20)
        #expect(!configuration.adminEnabled && !configuration.usesTLS)
    }

    @Test(.enabled(if: Requirements.runs(when: TestCertificate.canMake), "needs openssl to make a certificate"))
    func withACertificateAndKeyTheNodeServesHTTPS() async throws {
        let (certificate, key) = try TestCertificate.make()

        let node = try TestNode(configuration: CentralServerConfiguration(
            port: 0, adminToken: TestNode.adminToken, tlsCertificatePath: certificate, tlsKeyPath: key))
        try await node.application().test(.ahc(.https)) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            let pulled = try await client.pull(since: 0, site: "alpha-1", token: node.tokens["alpha"])
            #expect(pulled.status == .ok)
        }
    }
}
