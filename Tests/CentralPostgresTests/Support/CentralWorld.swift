import CentralPostgres
import ClinicStore
import Foundation
import SyncEngine

/// The end-to-end world: two central node processes over one central database (a PostgreSQL
/// schema, or one SQLite store file), and clinic store files in a temporary folder.
final class CentralWorld: Sendable {
    let kind: CentralKind
    let folder: URL
    let nodes: [CentralProcess]
    /// The central data, read back for assertions.
    let central: any CentralInspection

    private init(kind: CentralKind, folder: URL, nodes: [CentralProcess], central: any CentralInspection) {
        self.kind = kind
        self.folder = folder
        self.nodes = nodes
        self.central = central
    }

    /// Starts `processes` central nodes of `kind`; `clock` is the central node's (and the central
    /// office's edits') wall clock.
    static func start(_ kind: CentralKind, processes: Int = 2, leaseTimeout: Duration = .seconds(15),
                      clock: any StoreClock = SystemClock()) async throws -> CentralWorld {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-central-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var nodes: [CentralProcess] = []
        switch kind {
        case .postgres:
            let configuration = try TestDatabase.configuration(leaseTimeout: leaseTimeout)
            for _ in 0..<processes { nodes.append(try await CentralProcess.start(configuration, clock: clock)) }
            return CentralWorld(kind: kind, folder: folder, nodes: nodes, central: nodes[0].backend as! PostgresCentral)
        case .sqlite:
            let path = folder.appendingPathComponent("central.sqlite").path
            let store = try LocalStore.create(at: path, role: .central, clinicID: LocalStore.centralOwner, clock: clock)
            for _ in 0..<processes { nodes.append(try await CentralProcess.start(storeAt: path, clock: clock)) }
            return CentralWorld(kind: kind, folder: folder, nodes: nodes, central: StoreInspection(store: store))
        }
    }

    /// The PostgreSQL backend of the first process (PostgreSQL worlds only).
    var postgres: PostgresCentral { nodes[0].backend as! PostgresCentral }

    /// A new clinic store file (one site of `id`), enrolled unless `token` is given.
    func clinic(_ id: String, site: String? = nil, token: String? = nil,
                clock: any StoreClock = SystemClock()) async throws -> LocalStore {
        let name = site.map { "\(id)-\($0)" } ?? id
        let store = try LocalStore.create(at: folder.appendingPathComponent("\(name).sqlite").path, role: .clinic,
                                          clinicID: id, clock: clock)
        var token = token
        if token == nil { token = try await central.enroll(clinicID: id, name: nil) }
        try store.setRemote(serverURL: nodes[0].url.absoluteString, token: token ?? "")
        return store
    }

    /// A full sync of `store` through process `through` (any of them will do).
    @discardableResult
    func sync(_ store: LocalStore, through index: Int = 0) async throws -> SyncSummary {
        try await nodes[index % nodes.count].sync(store)
    }

    /// A raw client on process `index` with the store's token (503s tried again as `retry`
    /// says, each wait told to `onRetry`); shut it down when done.
    func client(for store: LocalStore, through index: Int = 0, retry: RetryPolicy = .standard,
                onRetry: (@Sendable (RetryNotice) -> Void)? = nil) throws -> CentralClient {
        CentralClient(serverURL: nodes[index % nodes.count].url, token: try store.remote()!.token, retry: retry,
                      onRetry: onRetry)
    }

    func stop() async {
        for node in nodes { await node.stop() }
        try? FileManager.default.removeItem(at: folder)
    }
}
