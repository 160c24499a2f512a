import CLITesting
import ClinicStore
import Foundation
import SyncModel

/// ``DeliveryReport`` with what a restored central node leaves behind.
struct RecoveryReport: CustomStringConvertible {
    var delivered = 0
    var lost: [String] = []
    var appliedTwice: [String] = []
    var diverged: [String] = []
    var stranded: [String] = []
    var damaged: [String] = []
    /// Conflict records the central node wrote after its backup that clinics pulled before its
    /// restore: they stay at those clinics, while the node finds its own conflicts again.
    var staleConflicts = 0

    var isClean: Bool { lost.isEmpty && appliedTwice.isEmpty && diverged.isEmpty && stranded.isEmpty && damaged.isEmpty }

    var description: String {
        "delivered \(delivered); lost \(lost.count) \(lost.prefix(5)); applied twice \(appliedTwice.count) \(appliedTwice.prefix(5)); "
            + "diverged \(diverged.prefix(5)); stranded \(stranded.prefix(5)); damaged \(damaged); stale conflicts \(staleConflicts)"
    }
}

/// The stage of the recovery faults (issue 28): a real `clinicsync serve` over a central store
/// file and clinic store files synced by real `clinicsync sync` processes, as in ``ChaosWorld``,
/// but every store is opened only for the moment it is used, so that `clinicsync restore` can put
/// a backup in place of any of them (the central store too), and a store copied to a "second
/// computer" joins as one more site. A store's site id is read from the file each time: a sync
/// may move a restored or copied store to a new site.
final class RecoveryWorld: @unchecked Sendable {
    /// One clinic store file.
    struct Site {
        let name: String
        let clinic: String
        let path: String
    }

    let folder: URL
    let centralPath: String
    let server: ServerProcess
    private(set) var sites: [Site] = []

    private init(folder: URL, centralPath: String, server: ServerProcess) {
        self.folder = folder
        self.centralPath = centralPath
        self.server = server
    }

    /// The central store and node, and one site each of clinics `alpha` and `beta`.
    static func start() throws -> RecoveryWorld {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-recovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let centralPath = folder.appendingPathComponent("central.sqlite").path
        var tokens: [String: String] = [:]
        do {
            let central = try LocalStore.create(at: centralPath, role: .central, clinicID: LocalStore.centralOwner)
            for clinic in ["alpha", "beta"] { tokens[clinic] = try central.enroll(clinicID: clinic) }
        }
        let adminTokenFile = folder.appendingPathComponent("admin.token").path
        try "admin-\(UUID().uuidString)".write(toFile: adminTokenFile, atomically: true, encoding: .utf8)
        let server = ServerProcess(store: centralPath, adminTokenFile: adminTokenFile, folder: folder)
        try server.start()
        let world = RecoveryWorld(folder: folder, centralPath: centralPath, server: server)
        for (name, clinic) in [("alpha-front", "alpha"), ("beta-desk", "beta")] {
            let path = folder.appendingPathComponent("\(name).sqlite").path
            let store = try LocalStore.create(at: path, role: .clinic, clinicID: clinic)
            try store.setRemote(serverURL: server.url.absoluteString, token: tokens[clinic]!)
            world.sites.append(Site(name: name, clinic: clinic, path: path))
        }
        return world
    }

    /// Runs `body` on `site`'s store, opened for this call only.
    func with<T>(_ site: Site, _ body: (LocalStore) throws -> T) throws -> T {
        try body(try LocalStore.open(at: site.path))
    }

    /// The site id `site`'s store writes under now.
    func siteID(of site: Site) throws -> String { try with(site) { $0.identity.siteID } }

    /// `clinicsync ARGS` in the world's folder, which must succeed.
    @discardableResult
    func run(_ arguments: [String]) throws -> ChildProcess.Exit {
        let exit = try Clinicsync.run(arguments, in: folder)
        guard exit.succeeded else { throw ChildFailure(what: "clinicsync \(arguments.joined(separator: " "))", exit: exit) }
        return exit
    }

    /// Starts `clinicsync sync` for a site without waiting.
    func startSync(_ site: Site) throws -> ChildProcess {
        try Clinicsync.start(["sync", "--store", site.path, "--json", "--batch", "500"], in: folder)
    }

    /// `clinicsync backup` of a store (a clinic's or the central one) to a new file; its path.
    func backup(_ path: String, tag: String) throws -> String {
        let file = folder.appendingPathComponent("\(URL(fileURLWithPath: path).lastPathComponent).\(tag).bak").path
        try run(["backup", file, "--store", path])
        return file
    }

    /// `clinicsync restore --force` of a site's backup: the disk failed, the office restores.
    func restore(_ site: Site, from backup: String) throws {
        try run(["restore", backup, "--force", "--store", site.path])
    }

    /// The store of `site` copied to a second computer: one more site under the same site id.
    func copy(_ site: Site, as name: String) throws -> Site {
        let path = folder.appendingPathComponent("\(name).sqlite").path
        try run(["backup", path, "--store", site.path])
        let copy = Site(name: name, clinic: site.clinic, path: path)
        sites.append(copy)
        return copy
    }

    /// The central node's disk failed: the node stops, its store is put back from `backup`, and
    /// it serves again (on the same port).
    func restoreCentral(from backup: String) throws {
        server.kill9()
        try run(["restore", backup, "--force", "--store", centralPath])
        try server.start()
    }

    /// Restarts a dead server, then syncs every site in turn until a whole round moves nothing.
    func settle() throws {
        if !server.isRunning {
            server.kill9()
            try server.start()
        }
        for _ in 0..<8 {
            var moved = 0
            for site in sites {
                let exit = try startSync(site).wait()
                guard exit.succeeded else { throw ChildFailure(what: "sync of \(site.name) after recovery", exit: exit) }
                let summary = try JSONSerialization.jsonObject(with: Data(exit.stdout.utf8)) as? [String: Any] ?? [:]
                moved += (summary["pushed"] as? Int ?? 0) + (summary["pulled"] as? Int ?? 0) + (summary["recovery"] == nil ? 0 : 1)
            }
            if moved == 0 { return }
        }
        throw ChaosWorld.SettleFailure()
    }

    /// DESIGN §8 after recovery, as ``ChaosWorld/verify()`` checks it, with the sites each store
    /// writes under now and the sites it left: every change a store holds as its own (now, or
    /// under a site it left, up to what was acknowledged) is at the central node exactly once, no
    /// store logs a change twice, each clinic's rows are the same at the central node and at each
    /// of its stores (but for the conflict records a restored node no longer has; see
    /// ``RecoveryReport/staleConflicts``), outboxes are empty, nothing was refused, every file is sound.
    func verify() throws -> RecoveryReport {
        var report = RecoveryReport()
        for site in sites {
            let siteID = try siteID(of: site)
            var own = try StoreProbe.rows(site.path, "SELECT ?, seq FROM change_log WHERE site = ? AND site_seq IS NULL",
                                          [siteID, siteID])
            own += try StoreProbe.rows(site.path, """
                SELECT c.site, c.site_seq FROM change_log AS c JOIN retired_site AS r ON r.site = c.site
                WHERE c.site_seq <= r.kept_through
                """)
            let atCentral = Set(try StoreProbe.rows(centralPath, "SELECT site, site_seq FROM change_log WHERE site_seq IS NOT NULL"))
            let missing = own.filter { !atCentral.contains($0) }
            report.lost += missing.map { "\(site.name): \($0[0])#\($0[1])" }
            report.delivered += own.count - missing.count
            let status = try with(site) { try $0.syncStatus() }
            if status.outbox > 0 { report.stranded.append("\(site.name): \(status.outbox) in the outbox") }
            if status.refusedChanges > 0 { report.stranded.append("\(site.name): \(status.refusedChanges) refused") }
        }
        for path in [centralPath] + sites.map(\.path) {
            let name = URL(fileURLWithPath: path).lastPathComponent
            report.appliedTwice += try StoreProbe.loggedTwice(path, name: name, byClock: true)
            let integrity = try StoreProbe.integrity(path)
            if integrity != "ok" { report.damaged.append("\(name): \(integrity)") }
        }
        for site in sites {
            for table in SyncedTable.all.keys.sorted() {
                let sql = "SELECT * FROM \(table) WHERE owner = ? ORDER BY id"
                let there = try StoreProbe.rows(centralPath, sql, [site.clinic])
                var here = try StoreProbe.rows(site.path, sql, [site.clinic])
                if table == SyncSchema.conflictTable {
                    // A conflict record the central node wrote after its backup, pulled here before its
                    // restore: the node, merging the re-pushed changes in another order, finds its own
                    // conflicts. Such a record stays here (system-written, not typed); any other must match.
                    let centralIDs = Set(there.map { $0[0] })
                    let stale = try here.filter { row in
                        guard !centralIDs.contains(row[0]) else { return false }
                        let origin = try StoreProbe.rows(site.path, "SELECT site FROM change_log WHERE row_id = ? AND field = '*'", [row[0]])
                        return origin.count == 1 && origin[0][0].hasPrefix("central-")
                    }
                    report.staleConflicts += stale.count
                    let staleIDs = Set(stale.map { $0[0] })
                    here = here.filter { !staleIDs.contains($0[0]) }
                }
                if there != here, ProcessInfo.processInfo.environment["CLINICSYNC_RECOVERY_DEBUG"] != nil {
                    let centralIDs = Set(there.map { $0[0] }), hereIDs = Set(here.map { $0[0] })
                    for row in here where !centralIDs.contains(row[0]) {
                        print("DEBUG only at \(site.name) \(table) \(row[0]): \(try StoreProbe.rows(site.path, "SELECT site, site_seq, seq, field, server_seq FROM change_log WHERE row_id = ?", [row[0]]))")
                    }
                    for row in there where !hereIDs.contains(row[0]) {
                        print("DEBUG only at central \(table) \(row[0]) for \(site.name): \(try StoreProbe.rows(centralPath, "SELECT site, site_seq, seq, field FROM change_log WHERE row_id = ?", [row[0]]))")
                    }
                    print("DEBUG sites: \(try sites.map { "\($0.name)=\(try siteID(of: $0))" }) retired at \(site.name): \(try StoreProbe.rows(site.path, "SELECT * FROM retired_site"))")
                }
                if there != here {
                    report.diverged.append("\(table) at \(site.name): \(here.count) rows, central \(there.count)")
                }
            }
        }
        return report
    }

    /// Stops the server and removes the folder.
    func stop() {
        server.kill9()
        try? FileManager.default.removeItem(at: folder)
    }
}
