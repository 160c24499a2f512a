import BillingModel
import CLITesting
import ClinicStore
import Foundation

/// A central node run as a real `clinicsync serve` process over a central store file, and
/// clinic store files synced by real `clinicsync sync` processes, in a temporary folder:
/// the stage of the crash tests. Two sites of clinic `alpha` (front desk and back office,
/// sharing the clinic's token) and one of clinic `beta`.
final class ChaosWorld: @unchecked Sendable {
    /// One clinic store, open in the test process for writes and checks.
    struct Site {
        let name: String
        let clinic: String
        let path: String
        let store: LocalStore
    }

    static let clinics = ["alpha", "beta"]

    let folder: URL
    let centralPath: String
    let central: LocalStore
    let server: ServerProcess
    let sites: [Site]

    private init(folder: URL, centralPath: String, central: LocalStore, server: ServerProcess, sites: [Site]) {
        self.folder = folder
        self.centralPath = centralPath
        self.central = central
        self.server = server
        self.sites = sites
    }

    /// Creates the stores, enrolls the clinics, starts the server and points every site at it.
    static func start() throws -> ChaosWorld {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-chaos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let centralPath = folder.appendingPathComponent("central.sqlite").path
        let central = try LocalStore.create(at: centralPath, role: .central, clinicID: LocalStore.centralOwner)
        let adminTokenFile = folder.appendingPathComponent("admin.token").path
        try "admin-\(UUID().uuidString)".write(toFile: adminTokenFile, atomically: true, encoding: .utf8)
        var tokens: [String: String] = [:]
        for clinic in clinics { tokens[clinic] = try central.enroll(clinicID: clinic) }
        let server = ServerProcess(store: centralPath, adminTokenFile: adminTokenFile, folder: folder)
        try server.start()
        var sites: [Site] = []
        for (name, clinic) in [("alpha-front", "alpha"), ("alpha-back", "alpha"), ("beta-desk", "beta")] {
            let path = folder.appendingPathComponent("\(name).sqlite").path
            let store = try LocalStore.create(at: path, role: .clinic, clinicID: clinic)
            try store.setRemote(serverURL: server.url.absoluteString, token: tokens[clinic]!)
            sites.append(Site(name: name, clinic: clinic, path: path, store: store))
        }
        return ChaosWorld(folder: folder, centralPath: centralPath, central: central, server: server, sites: sites)
    }

    func site(_ name: String) -> Site { sites.first { $0.name == name }! }

    /// Runs `clinicsync sync` for a site to the end (armed with `crashAt` if given).
    func sync(_ site: Site, crashAt: String? = nil) throws -> ChildProcess.Exit {
        try startSync(site, crashAt: crashAt).wait()
    }

    /// Starts `clinicsync sync` for a site without waiting.
    func startSync(_ site: Site, crashAt: String? = nil) throws -> ChildProcess {
        // Pushes of 1,000 changes: the workloads are sized so crash points meet a third batch.
        try Clinicsync.start(["sync", "--store", site.path, "--json", "--batch", "1000"], in: folder,
                             environment: crashAt.map { ["CLINICSYNC_CRASH_AT": $0] } ?? [:])
    }

    /// Restarts a dead server, then syncs every site in turn until a whole round moves nothing.
    /// Every sync here must succeed: recovery needs no manual step.
    func settle() throws {
        if !server.isRunning {
            server.kill9()
            try server.start()
        }
        for _ in 0..<6 {
            var moved = 0
            for site in sites {
                let exit = try sync(site)
                guard exit.succeeded else { throw ChildFailure(what: "sync of \(site.name) after recovery", exit: exit) }
                let summary = try JSONSerialization.jsonObject(with: Data(exit.stdout.utf8)) as? [String: Any] ?? [:]
                moved += (summary["pushed"] as? Int ?? 0) + (summary["pulled"] as? Int ?? 0)
            }
            if moved == 0 { return }
        }
        throw SettleFailure()
    }

    struct SettleFailure: Error, CustomStringConvertible {
        var description: String { "the sites still exchange changes after six rounds of syncs" }
    }

    /// Stops the server and removes the folder.
    func stop() {
        server.kill9()
        try? FileManager.default.removeItem(at: folder)
    }
}
