import CLITesting
import ClinicStore
import Foundation
import GRDB
import SyncModel
import Testing

extension PostgresSuites {
    /// Issue 28 end to end, through the built binary on both central backends: a clinic store
    /// restored from a backup, a central node restored from an older backup, and two copies of
    /// one store: nothing typed is lost, at the central node or at the clinics.
    @Suite struct BackupRestoreCLITests {
        @Test(arguments: CentralKind.available)
        func aClinicRestoredFromAnOlderBackupLosesNothing(kind: CentralKind) async throws {
            let office = try await BackupOffice(kind)
            try await withOffice(office) {
                try office.clinic("alpha", store: "alpha.sqlite")
                try office.addPatient("P1", at: "alpha.sqlite")
                try office.sync("alpha.sqlite")
                try office.ok(["backup", office.path("alpha.bak"), "--store", office.path("alpha.sqlite")])
                let mode = try FileManager.default.attributesOfItem(atPath: office.path("alpha.bak"))[.posixPermissions] as? Int
                #expect(mode == 0o600)
                for member in ["P2", "P3", "P4"] { try office.addPatient(member, at: "alpha.sqlite") }
                try office.sync("alpha.sqlite")

                // The store in place is newer than the backup: refused, nothing changed.
                let refused = try office.run(["restore", office.path("alpha.bak"), "--store", office.path("alpha.sqlite")])
                #expect(refused.refused("newer than the backup"), "\(refused)")
                #expect(try office.members(at: "alpha.sqlite") == ["P1", "P2", "P3", "P4"])
                let restored = try office.ok(["restore", office.path("alpha.bak"), "--force", "--store", office.path("alpha.sqlite"), "--json"])
                let aside = try #require((try restored.json() as? [String: Any])?["kept_aside"] as? String)
                #expect(FileManager.default.fileExists(atPath: aside))
                #expect(try office.members(at: "alpha.sqlite") == ["P1"])
                #expect(try office.ok(["status", "--store", office.path("alpha.sqlite")]).stdout.contains("restored:"))

                try office.addPatient("P5", at: "alpha.sqlite")
                let synced = try office.sync("alpha.sqlite")
                #expect(synced.stdout.contains("now writes as site"), "\(synced)")
                let everyone: Set<String> = ["P1", "P2", "P3", "P4", "P5"]
                #expect(try await office.centralMembers(of: "alpha") == everyone)
                #expect(try office.members(at: "alpha.sqlite") == everyone)
                let status = try office.ok(["status", "--store", office.path("alpha.sqlite")]).stdout
                #expect(status.contains("last recovery:"), "\(status)")
                // A second sync finds the store in step.
                let again = try office.sync("alpha.sqlite")
                #expect(!again.stdout.contains("now writes as site"), "\(again)")
                #expect(again.stdout.contains("pushed 0"), "\(again)")

                // Re-bootstrap: a fresh store from the central node's snapshot of the clinic.
                try office.ok(["init", "--clinic", "alpha", "--from-central", "--server", office.url,
                               "--token-file", try office.tokenFile(for: "alpha"), "--store", office.path("fresh.sqlite")])
                #expect(try office.members(at: "fresh.sqlite") == everyone)
                try office.addPatient("P6", at: "fresh.sqlite")
                try office.sync("fresh.sqlite")
                try office.sync("alpha.sqlite")
                #expect(try office.members(at: "alpha.sqlite") == everyone.union(["P6"]))
                #expect(try await office.centralMembers(of: "alpha") == everyone.union(["P6"]))
            }
        }

        @Test(arguments: CentralKind.available)
        func aCentralNodeRestoredFromAnOlderBackupGetsBackWhatClinicsPushedSince(kind: CentralKind) async throws {
            let office = try await BackupOffice(kind)
            try await withOffice(office) {
                try office.clinic("alpha", store: "alpha.sqlite")
                try office.clinic("beta", store: "beta.sqlite")
                try office.addPatient("A1", at: "alpha.sqlite")
                try office.addPatient("B1", at: "beta.sqlite")
                try office.sync("alpha.sqlite")
                try office.sync("beta.sqlite")
                // The central office's backup: its SQLite store copied while it serves, or pg_dump.
                let dump = office.path("central.dump")
                switch kind {
                case .sqlite:
                    try office.ok(["backup", office.path("central.bak")] + office.storage)
                case .postgres:
                    try office.shell("pg_dump --format=custom --schema=\(BackupOffice.schema(of: office.storage[1])) "
                                     + "--file='\(dump)' '\(office.plainPostgresURL)'")
                }
                try office.addPatient("A2", at: "alpha.sqlite")
                try office.addPatient("B2", at: "beta.sqlite")
                // The central office edits too after its backup; the clinic pulls it (that edit is lost with the node's disk).
                let a1 = try #require(try await office.inspection.rowIDs("patient", owner: "alpha").first)
                for edit in 1...10 {
                    try await office.inspection.edit("patient", row: a1, field: "first_name", value: .text("Lost \(edit)"))
                }
                try office.sync("alpha.sqlite")
                try office.sync("beta.sqlite")
                #expect(try await office.centralMembers(of: "alpha") == ["A1", "A2"])

                try await office.restartNode(stores: ["alpha.sqlite", "beta.sqlite"]) {
                    switch kind {
                    case .sqlite:
                        try office.ok(["restore", office.path("central.bak"), "--force"] + office.storage)
                    case .postgres:
                        let schema = BackupOffice.schema(of: office.storage[1])
                        try office.shell("psql -q -v ON_ERROR_STOP=1 -c 'DROP SCHEMA \(schema) CASCADE' '\(office.plainPostgresURL)'")
                        try office.shell("pg_restore --exit-on-error -d '\(office.plainPostgresURL)' '\(dump)'")
                    }
                }
                #expect(try await office.centralMembers(of: "alpha") == ["A1"], "the node was put back before A2")
                let synced = try office.sync("alpha.sqlite")
                #expect(synced.stdout.contains("pushed again"), "\(synced)")
                try office.sync("beta.sqlite")
                #expect(try await office.centralMembers(of: "alpha") == ["A1", "A2"])
                #expect(try await office.centralMembers(of: "beta") == ["B1", "B2"])
                // The central office's own work after its restore still reaches the clinics.
                try await office.inspection.edit("patient", row: a1, field: "first_name", value: .text("Patricia"))
                try office.sync("alpha.sqlite")
                let shown = try office.ok(["patient", "show", a1, "--json", "--store", office.path("alpha.sqlite")])
                #expect(shown.stdout.contains("Patricia"), "\(shown)")
                try office.addPatient("A3", at: "alpha.sqlite")
                try office.sync("alpha.sqlite")
                #expect(try await office.centralMembers(of: "alpha") == ["A1", "A2", "A3"])
                #expect(try office.members(at: "alpha.sqlite") == ["A1", "A2", "A3"])
            }
        }

        @Test(arguments: CentralKind.available, [false, true])
        func twoCopiesOfOneStoreBothEditingLoseNothing(kind: CentralKind, copyFirst: Bool) async throws {
            let office = try await BackupOffice(kind)
            try await withOffice(office) {
                try office.clinic("alpha", store: "alpha.sqlite")
                try office.addPatient("P1", at: "alpha.sqlite")
                try office.sync("alpha.sqlite")
                // The store copied to a second computer; both keep working under one site.
                try office.ok(["backup", office.path("alpha-copy.sqlite"), "--store", office.path("alpha.sqlite")])
                let p1 = try #require(try patientID("P1", office, "alpha.sqlite"))
                try office.addPatient("A", at: "alpha.sqlite")
                try office.addPatient("C", at: "alpha-copy.sqlite")
                try setCity("Alpha City", of: p1, at: office.path("alpha.sqlite"))
                try setCity("Copy City", of: p1, at: office.path("alpha-copy.sqlite"))
                let order = copyFirst ? ["alpha-copy.sqlite", "alpha.sqlite"] : ["alpha.sqlite", "alpha-copy.sqlite"]
                try office.sync(order[0])
                let second = try office.sync(order[1]).stdout
                #expect(second.contains("now writes as site"), "\(second)")
                for store in order { try office.sync(store) }
                let everyone: Set<String> = ["P1", "A", "C"]
                #expect(try await office.centralMembers(of: "alpha") == everyone)
                for store in order { #expect(try office.members(at: store) == everyone, "\(store)") }
                // Both cities were typed: one is the value everywhere, the other the losing side of a conflict.
                let conflicts = try await office.inspection.openConflicts().filter { $0.row == p1 && $0.field == "city" }
                #expect(conflicts.count == 1)
                let city = try await office.inspection.row("patient", id: p1)?["city"]
                let values = Set([city] + conflicts.map { Optional($0.loser.value) })
                #expect(values == [.text("Alpha City"), .text("Copy City")], "\(values)")
            }
        }

        /// `clinicsync backup` while a coder keeps writing to the store: every copy opens, passes
        /// `PRAGMA integrity_check`, is readable by its owner only, and holds a consistent prefix of the work.
        @Test func backupsTakenDuringWritesAreSound() async throws {
            let office = try await BackupOffice(.sqlite)
            try await withOffice(office) {
                try office.clinic("alpha", store: "alpha.sqlite")
                let path = office.path("alpha.sqlite")
                let writing = Task.detached { () throws -> Int in
                    let store = try LocalStore.open(at: path)
                    var written = 0
                    while !Task.isCancelled, written < 5_000 {
                        let start = written
                        try store.write(author: "coder") { db in
                            for offset in 0..<20 {
                                try db.execute(sql: """
                                    INSERT INTO patient (id, owner, first_name, last_name, dob, sex, member_id)
                                    VALUES (?, 'alpha', 'Pat', 'Doe', '1980-01-01', 'F', ?)
                                    """, arguments: [store.newID(), "W\(start + offset)"])
                            }
                        }
                        written += 20
                    }
                    return written
                }
                // The first backup once the coder is at work.
                let watched = try LocalStore.open(at: path)
                while try watched.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM patient") ?? 0 }) == 0 {
                    try await Task.sleep(for: .milliseconds(5))
                }
                var counts: [Int] = []
                for copy in 1...4 {
                    let file = office.path("alpha-\(copy).bak")
                    try office.ok(["backup", file, "--store", path])
                    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
                    #expect(mode == 0o600)
                    let backup = try LocalStore.open(at: file)
                    #expect(try backup.integrityCheck() == "ok")
                    let patients = try backup.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM patient") ?? 0 }
                    let logged = try backup.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_log WHERE tbl = 'patient'") ?? 0 }
                    #expect(patients == logged, "a row and its log entry are written in one transaction")
                    counts.append(patients)
                }
                writing.cancel()
                let written = try await writing.value
                #expect(counts == counts.sorted() && counts.last! <= written, "\(counts) of \(written)")
                #expect(counts.last! > 0, "the copies were taken while the store was being written")
            }
        }

        private func withOffice(_ office: BackupOffice, _ body: () async throws -> Void) async throws {
            do {
                try await body()
            } catch {
                await office.close()
                throw error
            }
            await office.close()
        }

        private func patientID(_ member: String, _ office: BackupOffice, _ store: String) throws -> String? {
            let listed = try office.ok(["patient", "list", "--json", "--store", office.path(store)])
            let patients = try #require(try listed.json() as? [[String: Any]])
            return patients.first { $0["member_id"] as? String == member }?["id"] as? String
        }

        /// A coder edits a patient's city (the store API, captured like every write).
        private func setCity(_ city: String, of patient: String, at path: String) throws {
            let store = try LocalStore.open(at: path)
            try store.write(author: "coder") { db in
                try db.execute(sql: "UPDATE patient SET city = ? WHERE id = ?", arguments: [city, patient])
            }
        }
    }
}
