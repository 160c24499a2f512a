import ClinicStore
import Demo
import Foundation
import Logging
import SyncEngine
import Synchronization

/// A temporary folder with a central store served on loopback (the real Hummingbird node,
/// in this process) and clinic store files, as the end-to-end tests build it.
final class BenchWorld: Sendable {
    let folder: URL
    let central: LocalStore
    let node: LoopbackCentral

    private init(folder: URL, central: LocalStore, node: LoopbackCentral) {
        self.folder = folder
        self.central = central
        self.node = node
    }

    /// A new folder under `parent` with a central store and its node.
    static func start(in parent: URL, name: String) async throws -> BenchWorld {
        let folder = parent.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let central = try LocalStore.create(at: folder.appendingPathComponent("central.sqlite").path, role: .central,
                                            clinicID: LocalStore.centralOwner)
        var logger = Logger(label: "bench.central")
        logger.logLevel = .critical
        let node = try await LoopbackCentral.start(store: central, adminToken: nil, logger: logger)
        return BenchWorld(folder: folder, central: central, node: node)
    }

    /// A new clinic store file named `file`, for clinic `clinicID`, with its remote set; a
    /// second store of the same clinic is a second site (another workstation, a restored laptop).
    func clinic(_ clinicID: String, file: String) throws -> LocalStore {
        let store = try LocalStore.create(at: folder.appendingPathComponent("\(file).sqlite").path, role: .clinic,
                                          clinicID: clinicID)
        let token = try tokens.withLock { known in
            if let token = known[clinicID] { return token }
            let token = try central.enroll(clinicID: clinicID)
            known[clinicID] = token
            return token
        }
        try store.setRemote(serverURL: node.url.absoluteString, token: token)
        return store
    }

    /// One full sync of `store` over HTTP (push, pull, releases, until settled).
    @discardableResult
    func sync(_ store: LocalStore, pushBatch: Int? = nil, pullPage: Int? = nil) async throws -> SyncSummary {
        let (_, token) = try store.remote()!
        return try await CentralClient.with(serverURL: node.url, token: token) { client in
            var synchronizer = Synchronizer(store: store, client: client)
            if let pushBatch { synchronizer.pushBatch = pushBatch }
            if let pullPage { synchronizer.pullPage = pullPage }
            return try await synchronizer.run()
        }
    }

    func stop() async { await node.stop() }

    private let tokens = Mutex<[String: String]>([:])
}
