import ClinicStore
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL

/// The central node as a runnable Hummingbird application (HTTP, or HTTPS when both TLS
/// paths are set). Run it with `try await app.runService()`.
///
/// - Parameters:
///   - store: the central store (a clinic store is refused).
///   - configuration: host, port, admin token, TLS and limits; checked first.
///   - logger: where request lines go (method, route, status, duration, clinic; never tokens or PHI).
///   - onServerRunning: called with the bound port once the node listens (useful with port 0).
/// - Throws: ``CentralServerError`` when the configuration or the TLS files are unusable.
public func buildApplication(store: LocalStore, configuration: CentralServerConfiguration, logger: Logger,
                             onServerRunning: (@Sendable (Int) async -> Void)? = nil) throws -> some ApplicationProtocol {
    guard store.identity.role == .central else {
        try configuration.validate()
        throw CentralServerError.notACentralStore(path: store.path)
    }
    return try buildApplication(backend: StoreBackend(store: store), configuration: configuration, logger: logger,
                                onServerRunning: onServerRunning)
}

/// The central node over any ``CentralBackend`` (e.g. PostgreSQL, for several `serve`
/// processes over one database); otherwise as ``buildApplication(store:configuration:logger:onServerRunning:)``.
public func buildApplication(backend: any CentralBackend, configuration: CentralServerConfiguration, logger: Logger,
                             onServerRunning: (@Sendable (Int) async -> Void)? = nil) throws -> some ApplicationProtocol {
    try configuration.validate()
    let server = try serverBuilder(for: configuration)
    let router = buildRouter(backend: backend, configuration: configuration, metrics: ServerMetrics())
    return Application(
        router: router,
        server: server,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "ClinicSync"),
        onServerRunning: { channel in
            if let port = channel.localAddress?.port { await onServerRunning?(port) }
        },
        logger: logger)
}

/// Plain HTTP/1.1, or HTTP/1.1 over TLS from the PEM certificate chain and key.
func serverBuilder(for configuration: CentralServerConfiguration) throws -> HTTPServerBuilder {
    // Idle connections are closed (DESIGN §4): a silent client holds no socket for long.
    let http = HTTP1Channel.Configuration(idleTimeout: .seconds(configuration.idleTimeoutSeconds))
    guard let certificatePath = configuration.tlsCertificatePath, let keyPath = configuration.tlsKeyPath else {
        return .http1(configuration: http)
    }
    for path in [certificatePath, keyPath] where !FileManager.default.isReadableFile(atPath: path) {
        throw CentralServerError.tlsFileUnreadable(path: path, reason: "the file does not exist or cannot be read")
    }
    let certificates: [NIOSSLCertificate]
    do {
        certificates = try NIOSSLCertificate.fromPEMFile(certificatePath)
    } catch {
        throw CentralServerError.tlsFileUnreadable(path: certificatePath, reason: "not a PEM certificate chain")
    }
    guard !certificates.isEmpty else {
        throw CentralServerError.tlsFileUnreadable(path: certificatePath, reason: "no certificate in the file")
    }
    let key: NIOSSLPrivateKey
    do {
        key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
    } catch {
        throw CentralServerError.tlsFileUnreadable(path: keyPath, reason: "not a PEM private key (or it is encrypted)")
    }
    var tls = TLSConfiguration.makeServerConfiguration(certificateChain: certificates.map { .certificate($0) },
                                                       privateKey: .privateKey(key))
    // TLS 1.2 or newer (DESIGN §4).
    tls.minimumTLSVersion = .tlsv12
    do {
        return try .tls(.http1(configuration: http), tlsConfiguration: tls)
    } catch {
        throw CentralServerError.tlsFileUnreadable(path: keyPath, reason: "the key does not match the certificate or TLS failed to start")
    }
}
