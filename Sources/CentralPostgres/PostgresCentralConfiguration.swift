import Foundation
import PostgresNIO

/// How the central node reaches PostgreSQL: the server, credentials, schema, pool size and
/// timeouts. Made from a URL, `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?OPTIONS]`, with
/// the options `sslmode` (`disable`, `prefer` or `require`; by default `require` toward another
/// machine and `prefer` on this one), `schema` (a schema
/// of its own inside the database; default `public`) and `pool` (connections per process,
/// default 10).
///
/// The password never appears in ``description`` or in an error.
public struct PostgresCentralConfiguration: Sendable, CustomStringConvertible {
    /// How to use TLS toward the server.
    public enum TLSMode: String, Sendable {
        /// Plain TCP (a server on the same machine or a private network).
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 unless the URL says otherwise).
    public var port: Int
    /// The PostgreSQL user.
    public var username: String
    /// The user's password, if the server asks for one (never printed).
    public var password: String?
    /// The database holding ClinicSync's schema.
    public var database: String
    /// The PostgreSQL schema holding ClinicSync's tables (created when missing).
    public var schema: String
    /// Whether to use TLS toward the server (`sslmode`).
    public var tls: TLSMode
    /// The most connections one `serve` process opens.
    public var maxConnections: Int
    /// How long opening one connection may take.
    public var connectTimeout: Duration
    /// How long a request waits for a pooled connection (while the server is down, say) before
    /// it is answered 503.
    public var leaseTimeout: Duration
    /// The server-side limit on one statement (`statement_timeout`).
    public var statementTimeout: Duration
    /// The server-side limit on waiting for a lock (`lock_timeout`), e.g. behind a long push.
    public var lockTimeout: Duration
    /// The client-side limit on one whole transaction, against a connection that died silently.
    public var transactionTimeout: Duration

    /// A configuration from its parts; the timeouts have the defaults `serve` uses.
    public init(host: String = "127.0.0.1", port: Int = 5432, username: String, password: String? = nil,
                database: String, schema: String = "public", tls: TLSMode = .prefer, maxConnections: Int = 10,
                connectTimeout: Duration = .seconds(3), leaseTimeout: Duration = .seconds(5),
                statementTimeout: Duration = .seconds(60), lockTimeout: Duration = .seconds(30),
                transactionTimeout: Duration = .seconds(120)) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.maxConnections = maxConnections
        self.connectTimeout = connectTimeout
        self.leaseTimeout = leaseTimeout
        self.statementTimeout = statementTimeout
        self.lockTimeout = lockTimeout
        self.transactionTimeout = transactionTimeout
    }

    /// The `sslmode` when the URL gives none (DESIGN §4): `require` toward another machine, so the
    /// password and patient data never cross the network in the clear; `prefer` on this one.
    public static func defaultTLS(host: String) -> TLSMode {
        let lower = host.lowercased()
        let loopback = lower == "localhost" || lower == "::1" || lower == "[::1]" || lower.hasPrefix("127.") || lower.hasPrefix("/")
        return loopback ? .prefer : .require
    }

    /// Parses a `postgres://` (or `postgresql://`) URL; throws ``PostgresURLError`` naming what is wrong.
    public init(url text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw PostgresURLError(problem: "it must start with postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError(problem: "it names no host") }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresURLError(problem: "it names no user (postgres://USER@HOST/DATABASE)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresURLError(problem: "it names no database (postgres://USER@HOST/DATABASE)") }
        self.init(host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
                  password: components.password.map { $0.removingPercentEncoding ?? $0 }, database: database)
        tls = Self.defaultTLS(host: host)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                switch value {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw PostgresURLError(problem: "sslmode '\(value)' is not disable, prefer or require")
                }
            case "schema":
                guard Self.isPlainName(value) else {
                    throw PostgresURLError(problem: "schema must be letters, digits and '_' (starting with a letter)")
                }
                schema = value
            case "pool":
                guard let size = Int(value), (1...200).contains(size) else {
                    throw PostgresURLError(problem: "pool must be a number of connections from 1 to 200")
                }
                maxConnections = size
            default:
                throw PostgresURLError(problem: "unknown option '\(item.name)' (known: sslmode, schema, pool)")
            }
        }
    }

    /// `postgres://USER@HOST:PORT/DATABASE (schema S)`, never the password.
    /// (Also the form every error about reaching the server uses.)
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database) (schema \(schema))" }

    /// Whether `name` can be used as a schema name unquoted: a letter, then letters, digits or `_`.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter, name.count <= 63 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The postgres-nio client configuration: pool size, connect timeout, keep-alives, and the
    /// session's schema and timeouts as startup parameters.
    var clientConfiguration: PostgresClient.Configuration {
        let tlsConfiguration: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: tlsConfiguration = .disable
        case .prefer: tlsConfiguration = .prefer(.makeClientConfiguration())
        case .require: tlsConfiguration = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                                         database: database, tls: tlsConfiguration)
        configuration.options.maximumConnections = maxConnections
        configuration.options.connectTimeout = connectTimeout
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(15))
        configuration.options.additionalStartupParameters = [
            ("search_path", schema),
            ("statement_timeout", "\(Self.millis(statementTimeout))"),
            ("lock_timeout", "\(Self.millis(lockTimeout))"),
            ("idle_in_transaction_session_timeout", "\(Self.millis(statementTimeout))"),
            ("application_name", "clinicsync"),
            // Short transactional queries: JIT compilation costs more than it saves (~0.2 s a pull page).
            ("jit", "off"),
        ]
        return configuration
    }

    static func millis(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}

/// A PostgreSQL URL that cannot be used, with what is wrong (never the password).
public struct PostgresURLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the URL.
    public var problem: String

    /// `the PostgreSQL URL cannot be used: PROBLEM`.
    public var description: String { "the PostgreSQL URL cannot be used: \(problem)" }
}
