import SyncModel

/// How `clinicsync serve` runs the central node: where it listens, the admin token, TLS and
/// the limits it enforces (DESIGN §4, §6).
public struct CentralServerConfiguration: Sendable {
    /// The interface to listen on; `127.0.0.1` keeps the node on this machine.
    public var host: String
    /// The TCP port; `0` asks the system for any free port (the bound one goes to `onServerRunning`).
    public var port: Int
    /// The bearer token the admin endpoints require; `nil` (or empty) turns them off (401).
    public var adminToken: String?
    /// PEM certificate chain for HTTPS; needs ``tlsKeyPath`` too.
    public var tlsCertificatePath: String?
    /// PEM private key for HTTPS; needs ``tlsCertificatePath`` too.
    public var tlsKeyPath: String?
    /// How far ahead of the central clock a pushed change may be stamped, in milliseconds.
    public var skewLimitMillis: Int64
    /// The largest request body accepted, before and after gzip inflation, in bytes.
    public var maxBodyBytes: Int

    /// The synced tables the node serves, at their wire schema version: clinics at that version
    /// and the one before sync (DESIGN §4 "Upgrades roll"). Always this build's catalogue in
    /// `serve`; a test gives a newer one to play a node one version ahead of its clinics.
    public var catalogue: SyncCatalogue = .current

    /// How long a connection may sit idle before the node closes it, in seconds.
    public var idleTimeoutSeconds: Int64 = CentralServerConfiguration.defaultIdleTimeoutSeconds

    /// One minute: a sync request is answered long before; a silent connection is let go.
    public static let defaultIdleTimeoutSeconds: Int64 = 60

    /// 32 MiB: room for a full push batch of ``LocalStore/maxPushChanges`` changes.
    public static let defaultMaxBodyBytes = 32 << 20

    /// A configuration from its parts; every default is the one `serve` documents.
    public init(host: String = "127.0.0.1", port: Int = 8080, adminToken: String? = nil,
                tlsCertificatePath: String? = nil, tlsKeyPath: String? = nil,
                skewLimitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis,
                maxBodyBytes: Int = CentralServerConfiguration.defaultMaxBodyBytes) {
        self.host = host
        self.port = port
        self.adminToken = adminToken
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
        self.skewLimitMillis = skewLimitMillis
        self.maxBodyBytes = maxBodyBytes
    }

    /// Whether the admin endpoints are on (an admin token is set and not empty).
    public var adminEnabled: Bool { !(adminToken ?? "").isEmpty }

    /// Whether the node serves HTTPS (both TLS paths are set).
    public var usesTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }

    /// Whether the node listens only on this machine (`127.0.0.0/8`, `::1`, `localhost`).
    public var listensOnLoopbackOnly: Bool {
        let lower = host.lowercased()
        return lower == "localhost" || lower == "::1" || lower.hasPrefix("127.")
    }

    /// The warning `serve` prints when tokens and patient data would cross the network in the
    /// clear (listening beyond loopback without TLS), or `nil`.
    public var plaintextWarning: String? {
        guard !usesTLS, !listensOnLoopbackOnly else { return nil }
        return "warning: listening on \(host) without TLS: tokens and patient data cross the network unencrypted; "
            + "give --tls-cert and --tls-key"
    }

    /// Checks the settings hang together; throws a ``CentralServerError`` that says what to fix.
    public func validate() throws {
        guard (0...65_535).contains(port) else { throw CentralServerError.invalidPort(port) }
        guard !host.isEmpty else { throw CentralServerError.invalidHost }
        guard maxBodyBytes > 0 else { throw CentralServerError.invalidLimit(name: "maxBodyBytes", value: Int64(maxBodyBytes)) }
        guard idleTimeoutSeconds > 0 else {
            throw CentralServerError.invalidLimit(name: "idleTimeoutSeconds", value: idleTimeoutSeconds)
        }
        guard skewLimitMillis > 0 else { throw CentralServerError.invalidLimit(name: "skewLimitMillis", value: skewLimitMillis) }
        switch (tlsCertificatePath, tlsKeyPath) {
        case (nil, nil), (.some, .some): break
        case (.some, nil): throw CentralServerError.tlsIncomplete(missing: "--tls-key")
        case (nil, .some): throw CentralServerError.tlsIncomplete(missing: "--tls-cert")
        }
    }
}
