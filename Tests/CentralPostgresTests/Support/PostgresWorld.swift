import CentralPostgres
import ClinicStore
import Foundation
import SyncEngine

/// The end-to-end world on PostgreSQL: two central node processes (each its own pool and HTTP
/// port) over one schema, and clinic store files in a temporary folder.
final class PostgresWorld: Sendable {
    let folder: URL
    let nodes: [PostgresNode]

    private init(folder: URL, nodes: [PostgresNode]) {
        self.folder = folder
        self.nodes = nodes
    }

    static func start(processes: Int = 2, leaseTimeout: Duration = .seconds(5)) async throws -> PostgresWorld {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-pg-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = try TestDatabase.configuration(leaseTimeout: leaseTimeout)
        var nodes: [PostgresNode] = []
        for _ in 0..<processes { nodes.append(try await PostgresNode.start(configuration)) }
        return PostgresWorld(folder: folder, nodes: nodes)
    }

    /// The shared database, through the first process.
    var central: PostgresCentral { nodes[0].backend }

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

    /// A raw client on process `index` with the store's token.
    func client(for store: LocalStore, through index: Int = 0) throws -> CentralClient {
        CentralClient(serverURL: nodes[index % nodes.count].url, token: try store.remote()!.token)
    }

    func stop() async {
        for node in nodes { await node.stop() }
        try? FileManager.default.removeItem(at: folder)
    }
}
