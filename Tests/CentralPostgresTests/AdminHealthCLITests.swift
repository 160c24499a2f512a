import CLITesting
import CentralPostgres
import ClinicStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import SyncModel
import Testing

extension PostgresSuites {
    /// The administrator's view (issue "every clinic's sync health at a glance"), through the
    /// built binary on both central backends: three clinics, two that sync (one with a change
    /// the node refuses) and one that never does; `admin clinics` over HTTP and on the storage
    /// itself, `--stale`, revocation, explicit reinstatement, rotation, and the `/metrics` gauges.
    @Suite struct AdminHealthCLITests {
        /// A central node of `kind` served by `clinicsync serve` in `folder`, and what the test
        /// uses to reach its storage directly.
        struct Node {
            let server: ServeProcess
            /// `--store central.sqlite` or `--postgres URL`: the storage, for the CLI.
            let storage: [String]
            /// The central data, for seeding a shared payer.
            let inspection: any CentralInspection
            let close: @Sendable () async -> Void
        }

        static func node(_ kind: CentralKind, in folder: URL, tokenFile: String) async throws -> Node {
            switch kind {
            case .sqlite:
                let path = folder.appendingPathComponent("central.sqlite").path
                let created = try Clinicsync.run(["init", "--central", "--store", path], in: folder)
                try #require(created.succeeded, "\(created)")
                let server = try ServeProcess.start(["--store", path, "--port", "0", "--admin-token-file", tokenFile], in: folder)
                return Node(server: server, storage: ["--store", path],
                            inspection: StoreInspection(store: try LocalStore.open(at: path)), close: {})
            case .postgres:
                let configuration = try TestDatabase.configuration()
                let url = try PostgresCentralCLITests.url(configuration)
                let server = try ServeProcess.start(["--postgres", url, "--port", "0", "--admin-token-file", tokenFile],
                                                    in: folder)
                let backend = try await TestDatabase.backend(configuration)
                return Node(server: server, storage: ["--postgres", url], inspection: backend, close: { await backend.shutdown() })
            }
        }

        @Test(arguments: CentralKind.available)
        func theAdministratorSeesEachClinicsSyncHealthAndActsOnIt(kind: CentralKind) async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-admin-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let tokenFile = folder.appendingPathComponent("admin.token").path
            try "admin-\(UUID().uuidString)".write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let node = try await Self.node(kind, in: folder, tokenFile: tokenFile)
            defer { node.server.stop() }
            let url = node.server.url.absoluteString
            func run(_ arguments: [String]) throws -> ChildProcess.Exit { try Clinicsync.run(arguments, in: folder) }
            func admin(_ arguments: [String]) throws -> ChildProcess.Exit {
                try run(["admin"] + arguments + ["--server", url, "--admin-token-file", tokenFile])
            }
            func json<T>(_ exit: ChildProcess.Exit, as: T.Type = [String: Any].self) throws -> T {
                try #require(exit.succeeded, "\(exit)")
                return try #require(try exit.json() as? T, "\(exit.stdout)")
            }

            var tokens: [String: String] = [:]
            for clinic in ["alpha", "beta", "gamma"] {
                tokens[clinic] = try #require(try json(admin(["enroll", "--clinic", clinic, "--name", "Clinic \(clinic)", "--json"]))["token"] as? String)
            }
            let shared = UUID().uuidString.lowercased()
            try await node.inspection.add("payer", row: shared, owner: LocalStore.centralOwner,
                                          values: ["payer_id": .text("SHARED"), "name": .text("Shared Plan")])
            var stores: [String: String] = [:]
            for clinic in ["alpha", "beta"] {
                let store = folder.appendingPathComponent("\(clinic).sqlite").path
                stores[clinic] = store
                #expect(try run(["init", "--clinic", clinic, "--store", store]).succeeded)
                #expect(try run(["remote", "set", "--server", url, "--token", tokens[clinic]!, "--store", store]).succeeded)
                #expect(try run(["patient", "add", "--first", "Pat", "--last", clinic, "--dob", "1980-01-01", "--sex", "F",
                                 "--member-id", "M-\(clinic)", "--store", store]).succeeded)
                let synced = try run(["sync", "--store", stores[clinic]!])
                #expect(synced.succeeded, "\(synced)")
            }
            // Beta renames the office's shared payer (raw SQL: no command offers it); the node refuses it.
            try LocalStore.open(at: stores["beta"]!).write(author: "front desk") { db in
                try db.execute(sql: "UPDATE payer SET name = 'Renamed Here' WHERE id = ?", arguments: [shared])
            }
            #expect(try run(["sync", "--store", stores["beta"]!]).succeeded)

            // Every clinic, the one that never synced first.
            let listed = try json(admin(["clinics", "--json"]), as: [[String: Any]].self)
            #expect(listed.map { $0["clinic_id"] as? String } == ["gamma", "alpha", "beta"])
            let byID = Dictionary(uniqueKeysWithValues: listed.map { ($0["clinic_id"] as! String, $0) })
            #expect(byID["gamma"]?["last_sync_at"] == nil && (byID["gamma"]?["sites"] as? [Any])?.isEmpty == true)
            for clinic in ["alpha", "beta"] {
                let sites = try #require(byID[clinic]?["sites"] as? [[String: Any]])
                #expect(sites.count == 1 && sites[0]["last_push_at"] != nil && sites[0]["last_pull_at"] != nil
                        && sites[0]["last_result"] as? String == "ok", "\(clinic): \(sites)")
                #expect(byID[clinic]?["last_sync_at"] as? Int64 == sites[0]["last_sync_at"] as? Int64)
            }
            #expect(byID["beta"]?["refused_changes"] as? Int == 1)
            #expect(byID["beta"]?["refused_by_reason"] as? [String: Int] == ["read_only_table": 1])
            #expect(byID["alpha"]?["refused_changes"] as? Int == 0)
            let human = try admin(["clinics"])
            #expect(human.succeeded && human.stdout.contains("Clinic gamma") && human.stdout.contains("never"), "\(human)")

            // The same view on the storage itself, without the running node's token.
            let direct = try json(run(["admin", "clinics", "--json"] + node.storage), as: [[String: Any]].self)
            #expect(direct.map { $0["clinic_id"] as? String } == ["gamma", "alpha", "beta"])
            #expect(direct.last?["refused_changes"] as? Int == 1)

            // --stale: the silent clinic, and a non-zero exit for cron.
            let stale = try admin(["clinics", "--stale", "1h", "--json"])
            #expect(stale.exited(ExitCodes.failed), "\(stale)")
            #expect((try stale.json() as? [[String: Any]])?.map { $0["clinic_id"] as? String } == ["gamma"])
            let badStale = try admin(["clinics", "--stale", "soon"])
            #expect(badStale.exited(ExitCodes.usage) && badStale.stderr.contains("--stale"), "\(badStale)")

            // One clinic in full, with its recent syncs.
            let beta = try json(admin(["clinic", "show", "beta", "--json"]))
            let recent = try #require(beta["recent_syncs"] as? [[String: Any]])
            #expect(recent.contains { $0["kind"] as? String == "push" && $0["refused"] as? Int == 1 })
            #expect(recent.contains { $0["kind"] as? String == "pull" && $0["result"] as? String == "ok" })
            #expect(try admin(["clinic", "show", "nobody"]).refused("nobody"))

            // /metrics: gauges for the enrolled clinics only.
            let (data, _) = try await URLSession.shared.data(from: node.server.url.appendingPathComponent("metrics"))
            let metrics = String(decoding: data, as: UTF8.self)
            #expect(metrics.contains(#"clinicsync_clinic_refused_changes{clinic="beta"} 1"#), "\(metrics)")
            for clinic in ["alpha", "beta", "gamma"] {
                #expect(metrics.contains(#"clinicsync_clinic_seconds_since_last_sync{clinic="\#(clinic)"}"#))
            }
            #expect(!metrics.contains(#"clinic="nobody""#))

            // Revoked: shown as such, last; not stale; back only when asked explicitly.
            #expect(try admin(["revoke", "--clinic", "gamma"]).succeeded)
            let afterRevoke = try json(admin(["clinics", "--json"]), as: [[String: Any]].self)
            #expect(afterRevoke.last?["clinic_id"] as? String == "gamma" && afterRevoke.last?["revoked"] as? Bool == true)
            #expect(try admin(["clinics", "--stale", "1h"]).succeeded, "no unrevoked clinic is stale")
            let silent = try admin(["enroll", "--clinic", "gamma"])
            #expect(silent.refused("--reinstate"), "\(silent)")
            #expect(try admin(["enroll", "--clinic", "gamma", "--reinstate", "--json"]).succeeded)

            // Rotation: the old token stops working at once, the new one works.
            let rotated = try #require(try json(admin(["rotate", "--clinic", "alpha", "--json"]))["token"] as? String)
            #expect(rotated != tokens["alpha"])
            let refused = try run(["sync", "--store", stores["alpha"]!])
            #expect(refused.refused("401"), "\(refused)")
            #expect(try run(["remote", "set", "--server", url, "--token", rotated, "--store", stores["alpha"]!]).succeeded)
            #expect(try run(["sync", "--store", stores["alpha"]!]).succeeded)
            #expect(try admin(["rotate", "--clinic", "nobody"]).refused("nobody"))
            await node.close()
        }
    }
}
