import Foundation
import BillingModel
import GRDB
import SyncModel
import Synchronization

/// The one door to a ClinicSync SQLite store, clinic or central.
///
/// It owns the GRDB writer (a `DatabasePool` in WAL mode for files, a `DatabaseQueue` in
/// memory for tests), the injected clock and identifier source, and the store's identity.
/// Every write goes through ``write(author:_:)``, which stamps the transaction's hybrid
/// logical clock so the capture triggers record the change in the same transaction.
public final class LocalStore: Sendable {
    /// The owner name of central reference data.
    public static let centralOwner = "central"

    /// The GRDB writer. Exposed for the sync engine and tests; callers outside the store
    /// should prefer the typed API.
    public let writer: any DatabaseWriter
    /// The file path, or `:memory:`.
    public let path: String
    /// Who this store is (role, clinic id, site id), read from `store_info` when opened; the
    /// site changes only when a sync moves a restored or copied store to a new site
    /// (``takeNewSite(keepThrough:reason:)``).
    public var identity: StoreIdentity { currentIdentity.withLock { $0 } }
    private let currentIdentity: Mutex<StoreIdentity>
    /// The injected wall clock behind row ids, the hybrid logical clock and ``today``.
    public let clock: any StoreClock
    /// The injected random source for new row ids (see ``newID()``).
    public let ids: IdentifierGenerator
    /// What search remembers between queries: the synonym table and the favorites.
    let searchCache = SearchCache()

    private init(writer: any DatabaseWriter, path: String, identity: StoreIdentity,
                 clock: any StoreClock, ids: IdentifierGenerator) {
        self.writer = writer
        self.path = path
        self.currentIdentity = Mutex(identity)
        self.clock = clock
        self.ids = ids
    }

    /// Creates a new store file for a clinic (`role: .clinic`) or the central office.
    ///
    /// Refuses a path that already holds a store.
    public static func create(at path: String, role: StoreRole, clinicID: String, name: String? = nil,
                              clock: any StoreClock = SystemClock(),
                              ids: IdentifierGenerator = .system) throws -> LocalStore {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try? openWriter(path: path, create: false)
            if let existing, (try? existing.read({ try $0.tableExists("store_info") })) == true {
                throw StoreError.alreadyInitialized(path: path)
            }
        }
        // Readable by its owner only (DESIGN §4): the file exists, 0600, before SQLite opens it,
        // and SQLite gives its -wal and -shm files the database file's permissions.
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let writer = try openWriter(path: path, create: true)
        return try initialize(writer: writer, path: path, role: role, clinicID: clinicID, name: name,
                              clock: clock, ids: ids)
    }

    /// Opens an existing store file, migrating it to this build's schema.
    public static func open(at path: String, clock: any StoreClock = SystemClock(),
                            ids: IdentifierGenerator = .system) throws -> LocalStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noStore(path: path) }
        let writer = try openWriter(path: path, create: false)
        do {
            guard try writer.read({ try $0.tableExists("store_info") }) else { throw StoreError.noStore(path: path) }
            let migrator = StoreMigrations.migrator
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
            if try writer.read({ try !migrator.hasCompletedMigrations($0) }) { try migrator.migrate(writer) }
            let identity = try writer.read(loadIdentity)
            return LocalStore(writer: writer, path: path, identity: identity, clock: clock, ids: ids)
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// A store in memory, for unit tests.
    public static func inMemory(role: StoreRole = .clinic, clinicID: String = "clinic-test",
                                clock: any StoreClock = SystemClock(),
                                ids: IdentifierGenerator = .system) throws -> LocalStore {
        let queue = try DatabaseQueue(configuration: configuration())
        return try initialize(writer: queue, path: ":memory:", role: role, clinicID: clinicID, name: nil,
                              clock: clock, ids: ids)
    }

    /// Runs `body` in one write transaction, stamping the transaction's hybrid logical clock,
    /// the author and the observed server sequence for the capture triggers.
    ///
    /// Everything `body` writes, and every change captured from it, commits together or not
    /// at all.
    public func write<T: Sendable>(author: String? = nil, _ body: @Sendable (Database) throws -> T) throws -> T {
        let now = clock.nowMillis()
        let central = identity.role == .central
        do {
            return try writer.write { db in
                try db.execute(sql: """
                    UPDATE capture_state SET hlc = max(hlc + 1, ?), author = ?, now_ms = ?,
                      observed = CASE WHEN ? THEN (SELECT coalesce(max(seq), 0) FROM change_log)
                                      ELSE (SELECT cursor FROM sync_state) END
                    """, arguments: [now << 16, author, now, central])
                return try body(db)
            }
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// Runs `body` on a consistent snapshot of the store.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// A new UUIDv7 row id stamped with the injected clock.
    public func newID() -> String { ids.uuidV7(millis: clock.nowMillis()) }

    /// Today's date by the injected clock (UTC), for "not in the future" checks and defaults.
    public var today: CalendarDate { CalendarDate(unixMilliseconds: clock.nowMillis()) }

    /// Moves this handle to `siteID` once the store's `store_info` says so.
    func adopt(siteID: String) {
        currentIdentity.withLock { $0.siteID = siteID }
    }

    // MARK: - Opening

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // Every insert into a synced table fires its capture trigger, so SQLite keeps a
            // statement journal for it. On disk, that journal, once a statement outgrows 64 KiB,
            // stays a file for the rest of the transaction, and every later row then costs
            // several write calls: bulk entry spent more time there than inserting. In memory it
            // holds only the pages of the statement running.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A checkpoint (two fsyncs) runs in whichever commit pushes the WAL past this many
            // pages. At SQLite's 1,000 (4 MiB) a sync paid one every few pushed batches or pulled
            // pages, on its critical path; at 16,384 (64 MiB) it pays a sixteenth as many, for a
            // WAL file that may grow that large between checkpoints.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
        }
        return config
    }

    private static func openWriter(path: String, create: Bool) throws -> any DatabaseWriter {
        do {
            var config = configuration()
            if !create {
                config.prepareDatabase { db in
                    // Refuse to treat an arbitrary file as a store before touching it.
                    _ = try Row.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                }
            }
            return try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    private static func initialize(writer: any DatabaseWriter, path: String, role: StoreRole, clinicID: String,
                                   name: String?, clock: any StoreClock, ids: IdentifierGenerator) throws -> LocalStore {
        let siteID = (role == .central ? "central-" : "\(clinicID)-") + ids.hex(count: SiteBinding.newSiteHexDigits)
        let identity = StoreIdentity(role: role, clinicID: role == .central ? centralOwner : clinicID,
                                     clinicName: name, siteID: siteID)
        do {
            try StoreMigrations.migrator.migrate(writer)
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO store_info (id, role, clinic_id, clinic_name, site_id, created_at)
                    VALUES (1, ?, ?, ?, ?, ?)
                    """, arguments: [role.rawValue, identity.clinicID, name, siteID, clock.nowMillis()])
                try db.execute(sql: "INSERT INTO capture_state (id, site_id) VALUES (1, ?)", arguments: [siteID])
                try db.execute(sql: "INSERT INTO sync_state (id) VALUES (1)")
            }
        } catch {
            throw StoreError.translating(error, path: path)
        }
        return LocalStore(writer: writer, path: path, identity: identity, clock: clock, ids: ids)
    }

    private static func loadIdentity(_ db: Database) throws -> StoreIdentity {
        guard let row = try Row.fetchOne(db, sql: "SELECT role, clinic_id, clinic_name, site_id FROM store_info") else {
            throw StoreError.corrupt(path: db.description, detail: "missing store identity")
        }
        return StoreIdentity(role: StoreRole(rawValue: row["role"]) ?? .clinic, clinicID: row["clinic_id"],
                             clinicName: row["clinic_name"], siteID: row["site_id"])
    }
}
