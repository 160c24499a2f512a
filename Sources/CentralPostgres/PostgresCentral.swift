import CentralServer
import ClinicStore
import Foundation
import Logging
import PostgresNIO
import SyncModel

/// The central node's storage on PostgreSQL (DESIGN §4): any number of `serve` processes over
/// one database serve the same clinics, and a clinic may sync through any of them.
///
/// Every write transaction (a push, an enrollment) first takes one transaction-scoped advisory
/// lock, so writes commit one after another and the server sequences they hand out grow in
/// commit order: whatever a pull's snapshot sees is a prefix of the log, and a cursor never
/// skips a change. Pulls and token checks take no lock. The merge is SyncModel's, the same as
/// at every clinic and at the SQLite central node.
///
/// Start it with ``start(configuration:clock:ids:logger:)`` (which migrates the schema) and
/// stop it with ``shutdown()``. While PostgreSQL is down, calls throw
/// ``CentralServer/CentralStorageUnavailable`` after ``PostgresCentralConfiguration/leaseTimeout``
/// (a 503); the connection pool reconnects by itself when the server is back.
public final class PostgresCentral: CentralBackend {
    /// Where and how it connects.
    public let configuration: PostgresCentralConfiguration
    /// The wall clock for the skew check and the node's clock.
    public let clock: any StoreClock
    let ids: IdentifierGenerator
    let logger: Logger
    let client: PostgresClient
    private let runTask: Task<Void, Never>
    /// The central node's site id, shared by every process over the database.
    public let siteID: String
    private let watch: ConnectionWatch

    private init(configuration: PostgresCentralConfiguration, clock: any StoreClock, ids: IdentifierGenerator,
                 logger: Logger, client: PostgresClient, runTask: Task<Void, Never>, siteID: String, watch: ConnectionWatch) {
        self.configuration = configuration
        self.clock = clock
        self.ids = ids
        self.logger = logger
        self.client = client
        self.runTask = runTask
        self.siteID = siteID
        self.watch = watch
    }

    /// Connects, creates or migrates the schema, and returns the running backend.
    ///
    /// Throws ``CentralServer/CentralStorageUnavailable`` when PostgreSQL cannot be reached.
    public static func start(configuration: PostgresCentralConfiguration, clock: any StoreClock = SystemClock(),
                             ids: IdentifierGenerator = .system,
                             logger: Logger = Logger(label: "clinicsync.postgres")) async throws -> PostgresCentral {
        let client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
        let runTask = Task { await client.run() }
        let watch = ConnectionWatch()
        let gateway = Gateway(client: client, leaseTimeout: configuration.leaseTimeout,
                              transactionTimeout: configuration.transactionTimeout, watch: watch, logger: logger)
        do {
            let siteID = try await CentralSchema.migrate(gateway, schema: configuration.schema,
                                                         newSiteID: "central-" + ids.hex(count: SiteBinding.newSiteHexDigits),
                                                         nowMillis: clock.nowMillis())
            return PostgresCentral(configuration: configuration, clock: clock, ids: ids, logger: logger, client: client,
                                   runTask: runTask, siteID: siteID, watch: watch)
        } catch {
            runTask.cancel()
            await runTask.value
            if let outage = error as? CentralStorageUnavailable {
                throw CentralStorageUnavailable(reason: "cannot reach \(configuration): \(outage.reason)")
            }
            throw error
        }
    }

    /// Closes the connection pool; later calls fail.
    public func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    /// Transactions and queries with the lease timeout and error translation.
    var gateway: Gateway {
        Gateway(client: client, leaseTimeout: configuration.leaseTimeout, transactionTimeout: configuration.transactionTimeout,
                watch: watch, logger: logger)
    }

    /// Answers a trivial query, or throws ``CentralServer/CentralStorageUnavailable`` (`/healthz` says 503).
    public func checkHealth() async throws {
        try await gateway.transaction(readOnly: true) { connection in
            _ = try await connection.query("SELECT 1", logger: self.logger).collect()
        }
    }
}
