import CentralServer
import ClinicStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SyncModel

/// A central node under test: a central store, enrolled clinics with their tokens, and the
/// application built exactly as `serve` builds it.
struct TestNode: Sendable {
    /// 2025-03-01T12:00:00Z.
    static let epochMillis: Int64 = 1_740_830_400_000
    static let adminToken = "admin-secret-for-tests"

    let central: LocalStore
    let clock: ManualClock
    let configuration: CentralServerConfiguration
    /// Clinic id → bearer token.
    let tokens: [String: String]

    /// A central node (in memory unless `file` is set) with `clinics` enrolled.
    init(clinics: [String] = ["alpha", "beta"], file: Bool = false,
         configuration: CentralServerConfiguration = CentralServerConfiguration(port: 0, adminToken: TestNode.adminToken)) throws {
        clock = ManualClock(millis: Self.epochMillis)
        if file {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-server-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            central = try LocalStore.create(at: folder.appendingPathComponent("central.sqlite").path, role: .central,
                                            clinicID: LocalStore.centralOwner, clock: clock, ids: .seeded(99))
        } else {
            central = try LocalStore.inMemory(role: .central, clinicID: LocalStore.centralOwner, clock: clock, ids: .seeded(99))
        }
        var tokens: [String: String] = [:]
        for clinic in clinics { tokens[clinic] = try central.enroll(clinicID: clinic) }
        self.tokens = tokens
        self.configuration = configuration
    }

    /// The application `serve` would run (the tests' frameworks bind it to a free port).
    func application(onServerRunning: (@Sendable (Int) async -> Void)? = nil) throws -> some ApplicationProtocol {
        var logger = Logger(label: "central-test")
        logger.logLevel = .warning
        return try buildApplication(store: central, configuration: configuration, logger: logger,
                                    onServerRunning: onServerRunning)
    }

    /// A clinic store whose clock starts at the node's (plus `skewMillis`).
    static func clinic(_ id: String, seed: UInt64 = 1, skewMillis: Int64 = 0) throws -> LocalStore {
        try LocalStore.inMemory(role: .clinic, clinicID: id, clock: ManualClock(millis: epochMillis + skewMillis),
                                ids: .seeded(seed))
    }

    /// Everything the central store holds in the scope of `clinics`, as a comparable value:
    /// if a request changed nothing, this stays the same.
    func fingerprint(clinics: [String] = ["alpha", "beta", "gamma"]) throws -> [String] {
        var lines: [String] = []
        for clinic in clinics {
            let page = try central.pull(for: clinic, site: "observer", since: 0, limit: LocalStore.maxPullLimit)
            lines += page.changes.map { "\($0.serverSeq ?? 0) \($0.table) \($0.row) \($0.field) \($0.value)" }
        }
        lines += try central.enrollments().map { "\($0.clinicID) \($0.revokedAtMillis ?? 0)" }
        lines += try central.conflicts().map(\.id)
        return lines
    }
}
