import CLITesting
import CentralServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// DESIGN §4 "Transport and rest" at the central node: idle connections are closed, TLS below 1.2
/// is refused, metric labels come from a fixed set, and `serve` warns when it would listen in
/// the clear beyond this machine.
@Suite struct TransportRulesTests {
    /// The port the live server bound, once it is running.
    final class BoundPort: Sendable {
        let port = Mutex<Int?>(nil)
    }

    /// Opens a TCP connection to 127.0.0.1:`port`, sends nothing, and returns how many seconds
    /// passed until the server closed it (`nil`: still open after `limit` seconds).
    static func secondsUntilClosed(port: Int, limit: Int) throws -> Double? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        var timeout = timeval(tv_sec: limit, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = ContinuousClock.now
        var byte: UInt8 = 0
        let read = recv(socket, &byte, 1, 0)
        guard read == 0 else { return nil }  // -1: the wait timed out with the connection open
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test func anIdleConnectionIsClosed() async throws {
        var configuration = CentralServerConfiguration(port: 0, adminToken: TestNode.adminToken)
        configuration.idleTimeoutSeconds = 1
        let node = try TestNode(configuration: configuration)
        let bound = BoundPort()
        // AsyncHTTPClient connects per request, so the node closing its idle connections does not
        // break the test's own client.
        try await node.application { port in bound.port.withLock { $0 = port } }.test(.ahc(.http)) { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let port = try #require(bound.port.withLock { $0 })
            let closedAfter = try Self.secondsUntilClosed(port: port, limit: 10)
            #expect(closedAfter != nil, "the idle connection was still open after 10 s")
            #expect((closedAfter ?? 0) >= 0.5)
        }
    }

    @Test func theDefaultIdleTimeoutIsAMinuteAndZeroIsRefused() throws {
        #expect(CentralServerConfiguration().idleTimeoutSeconds == 60)
        var configuration = CentralServerConfiguration()
        configuration.idleTimeoutSeconds = 0
        #expect(throws: CentralServerError.self) { try configuration.validate() }
    }

    @Test func anUnknownHTTPMethodIsCountedAsOther() async throws {
        let node = try TestNode()
        try await node.application().test(.router) { client in
            _ = try await client.execute(uri: "/healthz", method: HTTPRequest.Method("BREWCOFFEE")!)
            let text = String(decoding: try HTTP.bytes(of: try await client.execute(uri: "/metrics", method: .get)), as: UTF8.self)
            #expect(text.contains("method=\"other\""))
            #expect(!text.contains("BREWCOFFEE"))
        }
    }

    @Test(arguments: [("127.0.0.1", false, false), ("localhost", false, false), ("0.0.0.0", false, true),
                      ("10.1.2.3", false, true), ("0.0.0.0", true, false)])
    func serveWarnsWhenItListensBeyondLoopbackWithoutTLS(host: String, tls: Bool, warns: Bool) {
        let configuration = CentralServerConfiguration(host: host, tlsCertificatePath: tls ? "c.pem" : nil,
                                                       tlsKeyPath: tls ? "k.pem" : nil)
        #expect((configuration.plaintextWarning != nil) == warns)
    }

    /// `openssl s_client` limited to one TLS version against the live node; whether the handshake succeeded.
    static func handshake(port: Int, version: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        // SECLEVEL=0 lets this client offer TLS 1.1 at all: the refusal must come from the node.
        process.arguments = ["s_client", "-connect", "127.0.0.1:\(port)", version, "-cipher", "DEFAULT@SECLEVEL=0"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.closeFile()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return process.terminationStatus == 0 && text.contains("Cipher is ") && !text.contains("Cipher is (NONE)")
    }

    @Test(.enabled(if: Requirements.runs(when: TestCertificate.canMake), "needs openssl"))
    func tlsBelow12IsRefusedAnd12IsServed() async throws {
        let (certificate, key) = try TestCertificate.make()
        let node = try TestNode(configuration: CentralServerConfiguration(
            port: 0, adminToken: TestNode.adminToken, tlsCertificatePath: certificate, tlsKeyPath: key))
        let bound = BoundPort()
        try await node.application { port in bound.port.withLock { $0 = port } }.test(.ahc(.https)) { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let port = try #require(bound.port.withLock { $0 })
            #expect(try Self.handshake(port: port, version: "-tls1_2"), "TLS 1.2 must be served")
            #expect(try !Self.handshake(port: port, version: "-tls1_1"), "TLS 1.1 must be refused")
            #expect(try !Self.handshake(port: port, version: "-tls1"), "TLS 1.0 must be refused")
        }
    }
}
