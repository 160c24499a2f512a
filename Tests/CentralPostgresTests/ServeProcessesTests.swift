import CLITesting
import CentralPostgres
import ClinicStore
import Foundation
import SyncEngine
import SyncModel
import Testing

extension PostgresSuites {
    /// Two real `clinicsync serve --postgres` processes over one database, as behind a load
    /// balancer: enrollment through one holds at the other, and clinics syncing through both at
    /// once, in any order, converge with nothing lost or doubled.
    @Suite(.needsPostgres) struct ServeProcessesTests {
        @Test func twoServeProcessesOverOneDatabaseServeTheSameClinics() async throws {
            let configuration = try TestDatabase.configuration()
            var components = URLComponents(string: TestDatabase.environment["CLINICSYNC_POSTGRES_URL"] ?? "")!
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "schema", value: configuration.schema)]
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-serve-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let adminToken = "admin-" + UUID().uuidString
            let tokenFile = folder.appendingPathComponent("admin.token")
            try adminToken.write(to: tokenFile, atomically: true, encoding: .utf8)
            let arguments = ["--postgres", components.string!, "--port", "0", "--admin-token-file", tokenFile.path]
            let first = try ServeProcess.start(arguments, in: folder)
            let second = try ServeProcess.start(arguments, in: folder)
            defer {
                first.stop()
                second.stop()
                try? FileManager.default.removeItem(at: folder)
            }
            let processes = [first.url, second.url]

            var sites: [LocalStore] = []
            for clinic in ["alpha", "beta"] {
                let token = try await CentralClient.with(serverURL: first.url, token: adminToken) {
                    try await $0.enroll(clinicID: clinic, name: nil).token
                }
                for site in ["front", "back"] {
                    let store = try LocalStore.create(at: folder.appendingPathComponent("\(clinic)-\(site).sqlite").path,
                                                      role: .clinic, clinicID: clinic)
                    try store.setRemote(serverURL: second.url.absoluteString, token: token)
                    sites.append(store)
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, store) in sites.enumerated() {
                    group.addTask {
                        for round in 0..<5 {
                            _ = try store.addPayer(payerID: "S\(index)R\(round)", name: "Plan \(round)")
                            let token = try store.remote()!.token
                            try await CentralClient.with(serverURL: processes[(index + round) % 2], token: token) {
                                _ = try await Synchronizer(store: store, client: $0).run()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            for (index, store) in sites.enumerated() {
                let token = try store.remote()!.token
                try await CentralClient.with(serverURL: processes[index % 2], token: token) {
                    _ = try await Synchronizer(store: store, client: $0).run()
                }
                let payers = try store.payers()
                #expect(payers.count == 10, "both sites' payers of its clinic, none of the other clinic")
                #expect(Set(payers.map(\.owner)) == [store.identity.clinicID])
                #expect(try store.syncStatus().outbox == 0)
            }
        }
    }
}
