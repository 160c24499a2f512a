import ClinicStore
import Demo
import Foundation
import Logging
import SyncEngine
import SyncModel

/// A central node on loopback over a real central store file, and clinic store files, in a
/// temporary folder.
final class E2EWorld: Sendable {
    let folder: URL
    let central: LocalStore
    let node: LoopbackCentral
    let adminToken: String

    private init(folder: URL, central: LocalStore, node: LoopbackCentral, adminToken: String) {
        self.folder = folder
        self.central = central
        self.node = node
        self.adminToken = adminToken
    }

    static func start(clock: any StoreClock = SystemClock()) async throws -> E2EWorld {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let central = try LocalStore.create(at: folder.appendingPathComponent("central.sqlite").path, role: .central,
                                            clinicID: LocalStore.centralOwner, clock: clock)
        let admin = "admin-" + UUID().uuidString
        var logger = Logger(label: "e2e.central")
        logger.logLevel = .critical
        let node = try await LoopbackCentral.start(store: central, adminToken: admin, logger: logger)
        return E2EWorld(folder: folder, central: central, node: node, adminToken: admin)
    }

    /// A new clinic store file, enrolled, with its remote set.
    func clinic(_ id: String, clock: any StoreClock = SystemClock()) throws -> LocalStore {
        let store = try LocalStore.create(at: folder.appendingPathComponent("\(id).sqlite").path, role: .clinic,
                                          clinicID: id, clock: clock)
        try store.setRemote(serverURL: node.url.absoluteString, token: try central.enroll(clinicID: id))
        return store
    }

    /// Runs a full sync of `store` over HTTP.
    @discardableResult
    func sync(_ store: LocalStore) async throws -> SyncSummary {
        let (_, token) = try store.remote()!
        return try await CentralClient.with(serverURL: node.url, token: token) {
            try await Synchronizer(store: store, client: $0).run()
        }
    }

    /// A raw client with the store's token, for hostile requests.
    func client(for store: LocalStore) throws -> CentralClient {
        CentralClient(serverURL: node.url, token: try store.remote()!.token)
    }

    func stop() async { await node.stop() }
}

extension SyncError {
    /// The HTTP status of a refusal, if it was one.
    var status: Int? {
        if case .server(let status, _) = self { return status }
        return nil
    }
}
