import CentralPostgres
import CentralServer
import ClinicStore
import Demo
import Foundation
import Logging
import SyncEngine
import Synchronization

/// A temporary folder with a central node served on loopback (the real Hummingbird node, in
/// this process) over either central backend — a central SQLite store file, or PostgreSQL —
/// and clinic store files, as the end-to-end tests build it.
final class BenchWorld: Sendable {
    /// The central backend a world's node runs on.
    enum Backend: Sendable {
        case sqlite(LocalStore)
        case postgres(PostgresCentral)
    }

    let folder: URL
    let backend: Backend
    let node: LoopbackCentral

    private init(folder: URL, backend: Backend, node: LoopbackCentral) {
        self.folder = folder
        self.backend = backend
        self.node = node
    }

    /// The backend's name in the report.
    var backendName: String {
        switch backend {
        case .sqlite: return "SQLite"
        case .postgres: return "PostgreSQL"
        }
    }

    /// A new folder under `parent` with a central SQLite store and its node.
    static func start(in parent: URL, name: String) async throws -> BenchWorld {
        let folder = try makeFolder(parent, name)
        let central = try LocalStore.create(at: folder.appendingPathComponent("central.sqlite").path, role: .central,
                                            clinicID: LocalStore.centralOwner)
        let node = try await LoopbackCentral.start(store: central, adminToken: nil, logger: quietLogger)
        return BenchWorld(folder: folder, backend: .sqlite(central), node: node)
    }

    /// A new folder under `parent` for clinic stores, and a node over PostgreSQL at `url` in a
    /// schema of its own (`schema`, created by the backend; dropped by nobody: use a throwaway
    /// database).
    static func start(in parent: URL, name: String, postgres url: String, schema: String) async throws -> BenchWorld {
        let folder = try makeFolder(parent, name)
        var configuration = try PostgresCentralConfiguration(url: url)
        configuration.schema = schema
        let central = try await PostgresCentral.start(configuration: configuration, logger: quietLogger)
        do {
            let node = try await LoopbackCentral.start(backend: central, logger: quietLogger)
            return BenchWorld(folder: folder, backend: .postgres(central), node: node)
        } catch {
            await central.shutdown()
            throw error
        }
    }

    /// A new clinic store file named `file`, for clinic `clinicID`, with its remote set; a
    /// second store of the same clinic is a second site (another workstation, a restored laptop).
    func clinic(_ clinicID: String, file: String) async throws -> LocalStore {
        let store = try LocalStore.create(at: folder.appendingPathComponent("\(file).sqlite").path, role: .clinic,
                                          clinicID: clinicID)
        try store.setRemote(serverURL: node.url.absoluteString, token: try await token(for: clinicID))
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

    func stop() async {
        await node.stop()
        if case .postgres(let central) = backend { await central.shutdown() }
    }

    /// The clinic's token, enrolling it at the first call.
    private func token(for clinicID: String) async throws -> String {
        if let known = tokens.withLock({ $0[clinicID] }) { return known }
        let token: String
        switch backend {
        case .sqlite(let central): token = try central.enroll(clinicID: clinicID)
        case .postgres(let central): token = try await central.enroll(clinicID: clinicID)
        }
        tokens.withLock { $0[clinicID] = token }
        return token
    }

    private let tokens = Mutex<[String: String]>([:])

    private static func makeFolder(_ parent: URL, _ name: String) throws -> URL {
        let folder = parent.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "bench.central")
        logger.logLevel = .critical
        return logger
    }
}
