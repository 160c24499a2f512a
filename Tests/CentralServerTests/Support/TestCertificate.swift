import CLITesting
import Foundation
import Testing

/// A throwaway self-signed certificate for `localhost` (openssl, RSA 2048, one day), for the
/// tests that serve HTTPS.
enum TestCertificate {
    /// Whether openssl is there to make one.
    static let canMake = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")

    /// Makes a certificate and its key in a new temporary folder; returns their paths.
    static func make(sourceLocation: SourceLocation = #_sourceLocation) throws -> (certificate: String, key: String) {
        try Requirements.check(canMake, "openssl (apt-get install openssl) to make a certificate")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                             "-keyout", key, "-out", certificate]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl could not make a certificate", sourceLocation: sourceLocation)
        return (certificate, key)
    }
}
