import CLITesting
import CentralPostgres
import Foundation
import Testing

extension PostgresSuites {
    /// Office synonyms from the central office (issue 26), through the built binary and a real
    /// `serve` on both central backends, over the full FY2025 ICD-10-CM: the central office adds
    /// `sugar` → type 2 diabetes without complications, a clinic's `sync` brings it and its search
    /// finds E11.9; a second sync changes nothing; the clinic's own entry for the term wins and
    /// stays local; a removal at the central office reaches the clinic.
    @Suite(.timeLimit(.minutes(10))) struct SynonymSyncCLITests {
        @Test(arguments: CentralKind.available)
        func theCentralOfficesSynonymsReachItsClinicsAtSync(kind: CentralKind) async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-synonyms-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            func run(_ arguments: [String]) throws -> ChildProcess.Exit { try Clinicsync.run(arguments, in: folder) }
            func json<T>(_ arguments: [String], as: T.Type = [String: Any].self) throws -> T {
                let exit = try run(arguments + ["--json"])
                try #require(exit.succeeded, "\(arguments): \(exit)")
                return try #require(try exit.json() as? T, "\(exit.stdout)")
            }
            let tokenFile = folder.appendingPathComponent("admin.token").path
            try "admin-\(UUID().uuidString)".write(toFile: tokenFile, atomically: true, encoding: .utf8)
            let centralStore = folder.appendingPathComponent("central.sqlite").path
            try #require(try run(["init", "--central", "--store", centralStore]).succeeded)
            try #require(try run(["codes", "load-bundled", "--store", centralStore]).succeeded)

            // Where the central office keeps its synonyms: its store, or the PostgreSQL node.
            let storage: [String], server: ServeProcess
            switch kind {
            case .sqlite:
                storage = ["--store", centralStore]
                server = try ServeProcess.start(["--store", centralStore, "--port", "0", "--admin-token-file", tokenFile], in: folder)
            case .postgres:
                let url = try PostgresCentralCLITests.url(try TestDatabase.configuration())
                storage = ["--postgres", url]
                server = try ServeProcess.start(["--postgres", url, "--publish-releases-from", centralStore, "--port", "0",
                                                 "--admin-token-file", tokenFile], in: folder)
            }
            defer { server.stop() }
            let enrolled = try json(["admin", "enroll", "--clinic", "alpha", "--server", server.url.absoluteString,
                                     "--admin-token-file", tokenFile])
            let clinic = ["--store", folder.appendingPathComponent("alpha.sqlite").path]
            try #require(try run(["init", "--clinic", "alpha"] + clinic).succeeded)
            try #require(try run(["remote", "set", "--server", server.url.absoluteString,
                                  "--token", try #require(enrolled["token"] as? String)] + clinic).succeeded)
            func first(_ query: String) throws -> String? {
                try json(["codes", "search", query] + clinic, as: [[String: Any]].self).first?["code"] as? String
            }
            func sync() throws -> Int? { try json(["sync"] + clinic)["synonyms_changed"] as? Int }
            func listed(_ store: [String]) throws -> [String] {
                try json(["codes", "synonyms", "list"] + store, as: [[String: Any]].self).map {
                    "\($0["term"] as? String ?? "?")=\(($0["alternatives"] as? [String])?.joined(separator: "|") ?? "?") \($0["source"] as? String ?? "?")"
                }
            }

            #expect(try sync() == 0, "no synonyms published yet")
            #expect(try first("sugar") != "E119", "the shipped list reads sugar as diabetes mellitus in general")

            // Bad input at the central office: one line, nothing published.
            let bad = try run(["codes", "synonyms", "add", "sugar", "zzqxw nonsense"] + storage)
            #expect(bad.refused("has the words 'zzqxw nonsense'"), "\(bad)")
            #expect(try listed(storage).isEmpty)

            try #require(try run(["codes", "synonyms", "add", "Sugar", "type 2 diabetes mellitus without complications"] + storage).succeeded)
            #expect(try listed(storage) == ["sugar=type 2 diabetes mellitus without complications office"])
            #expect(try sync() == 1)
            #expect(try first("sugar") == "E119")
            #expect(try listed(clinic) == ["sugar=type 2 diabetes mellitus without complications central"])
            let human = try run(["codes", "synonyms", "list"] + clinic)
            #expect(human.stdout.contains("central office"), "\(human.stdout)")
            #expect(try sync() == 0, "a second sync changes nothing")
            #expect(try first("sugar") == "E119")

            // The clinic's own entry wins at the clinic and is never published; a clinic cannot remove the central one.
            let refused = try run(["codes", "synonyms", "remove", "sugar"] + clinic)
            #expect(refused.refused("comes from the central office"), "\(refused)")
            try #require(try run(["codes", "synonyms", "add", "sugar", "hemoglobin a1c"] + clinic).succeeded)
            #expect(try first("sugar") == "83036")
            #expect(try listed(clinic) == ["sugar=hemoglobin a1c office"])
            #expect(try sync() == 0)
            #expect(try listed(storage) == ["sugar=type 2 diabetes mellitus without complications office"])
            try #require(try run(["codes", "synonyms", "remove", "sugar"] + clinic).succeeded)
            #expect(try first("sugar") == "E119", "the central office's entry again")

            // A removal at the central office reaches the clinic at its next sync.
            try #require(try run(["codes", "synonyms", "remove", "sugar"] + storage).succeeded)
            #expect(try listed(storage).isEmpty)
            #expect(try first("sugar") == "E119", "until the clinic syncs")
            #expect(try sync() == 1)
            #expect(try listed(clinic).isEmpty)
            #expect(try first("sugar") != "E119")
            let gone = try run(["codes", "synonyms", "remove", "sugar"] + storage)
            #expect(gone.refused("synonym sugar not found"), "\(gone)")
        }
    }
}
