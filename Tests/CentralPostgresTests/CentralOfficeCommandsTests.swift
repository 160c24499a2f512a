import BillingModel
import CLITesting
import CentralPostgres
import CentralServer
import ClinicStore
import Foundation
import SyncModel
import Testing

extension PostgresSuites {
    /// Issue 15's one central-office interface through the built binary: a clinic syncs claims to
    /// the central node, then every central-office command runs against it — with
    /// `--store central.sqlite` and with `--postgres URL` — and both print the same JSON; the
    /// clinic sees the office's edits at its next sync.
    @Suite struct CentralOfficeCommandsTests {
        /// The central node of one backend: what the office types to reach it, and the backend
        /// the clinic syncs with.
        struct Node {
            var arguments: [String]
            var backend: any CentralBackend
            var close: @Sendable () async -> Void
        }

        /// A central node on `kind` holding the bundled code releases (published to PostgreSQL
        /// from a central store, as `serve --publish-releases-from` does).
        static func node(_ kind: CentralKind, folder: URL) async throws -> Node {
            let path = folder.appendingPathComponent("central.sqlite").path
            let store = try LocalStore.create(at: path, role: .central, clinicID: LocalStore.centralOwner)
            _ = try store.loadBundledCodebooks()
            switch kind {
            case .sqlite:
                return Node(arguments: ["--store", path], backend: StoreBackend(store: store), close: {})
            case .postgres:
                let configuration = try TestDatabase.configuration()
                let central = try await TestDatabase.backend(configuration)
                _ = try await central.publishReleases(from: store)
                return Node(arguments: ["--postgres", try PostgresCentralCLITests.url(configuration)], backend: central,
                            close: { await central.shutdown() })
            }
        }

        /// `clinicsync ARGS` at the central office on `node`, as JSON; the run must succeed.
        static func json(_ arguments: [String], on node: Node, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
            let exit = try CLIProcess.run(arguments + ["--json"] + node.arguments)
            #expect(exit.status == 0, "\(arguments): \(exit.stderr)", sourceLocation: sourceLocation)
            return try exit.json()
        }

        /// `value` as sorted JSON text without the keys that name things each node makes for
        /// itself (its site id, the conflict record's id, times, files).
        static func canonical(_ value: Any, dropping keys: Set<String> = [], site: String? = nil) throws -> String {
            func strip(_ value: Any) -> Any {
                if let object = value as? [String: Any] {
                    return object.filter { !keys.contains($0.key) }.mapValues(strip)
                }
                if let array = value as? [Any] { return array.map(strip) }
                if let text = value as? String, let site, text == site { return "(central site)" }
                return value
            }
            return String(decoding: try JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys]), as: UTF8.self)
        }

        /// The whole story on one backend; returns what each command printed, made comparable.
        static func story(_ kind: CentralKind, today: Int64) async throws -> [String: String] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("office-\(kind)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let node = try await node(kind, folder: folder)
            _ = try await node.backend.enroll(clinicID: "alpha", name: "Alpha Clinic", reinstate: false)

            // The clinic: two sites of alpha on one manual clock, seeded ids (the same rows on both backends).
            let clock = ManualClock(millis: today)
            let front = try Clinic.store("alpha", seed: 1, clock: clock), back = try Clinic.store("alpha", seed: 2, clock: clock)
            let people = try Self.people(in: front)
            let serviceDate = CalendarDate(unixMilliseconds: today).adding(days: -5).description
            let clean = try front.newClaim(ClaimInput(patientID: people.patient, payer: "60054", billingNPI: "1234567893",
                                                      diagnoses: ["E11.9"]))
            _ = try front.addLine(claim: clean.id, LineInput(procedureCode: "99213", units: 1, charge: "125.00", serviceDate: serviceDate))
            clock.advance(byMillis: 10)
            let other = try front.newClaim(ClaimInput(patientID: people.patient, payer: "60054", billingNPI: "1234567893",
                                                      diagnoses: ["I10"]))
            _ = try front.addLine(claim: other.id, LineInput(procedureCode: "99214", units: 1, charge: "150.00", serviceDate: serviceDate))
            try await node.backend.sync(front)
            try await node.backend.sync(back)
            // A conflict on the other claim's notes: both sites edit it offline.
            _ = try front.setClaimField(other.id, field: .notes, value: "front-notes")
            clock.advance(byMillis: 1_000)
            _ = try back.setClaimField(other.id, field: .notes, value: "back-notes")
            try await node.backend.sync(front)
            try await node.backend.sync(back)
            try await node.backend.sync(front)

            var printed: [String: String] = [:]
            let status = try #require(try json(["status"], on: node) as? [String: Any])
            let site = try #require(status["site_id"] as? String)

            // claim list: every claim newest first, then filtered and paged.
            let all = try #require(try json(["claim", "list"], on: node) as? [[String: Any]])
            #expect(all.map { $0["id"] as? String } == [other.id, clean.id])
            let page = try #require(try json(["claim", "list", "--status", "coded", "--clinic", "alpha", "--limit", "1",
                                              "--offset", "1"], on: node) as? [[String: Any]])
            #expect(page.map { $0["id"] as? String } == [clean.id])
            #expect(try #require(try json(["claim", "list", "--clinic", "beta"], on: node) as? [[String: Any]]).isEmpty)
            let table = try CLIProcess.run(["claim", "list"] + node.arguments)
            #expect(table.status == 0 && table.stdout.contains("Garcia, Maria") && table.stdout.contains("Prairie Health Plan (60054)"),
                    "\(table)")
            printed["claim list"] = try canonical(all)

            // claim show, by claim number, with its lines; names for people.
            let shown = try #require(try json(["claim", "show", clean.claimNumber], on: node) as? [String: Any])
            #expect(shown["id"] as? String == clean.id && (shown["lines"] as? [Any])?.count == 1)
            let human = try CLIProcess.run(["claim", "show", clean.id] + node.arguments)
            #expect(human.stdout.contains("Garcia, Maria") && human.stdout.contains("Springfield Family Practice (NPI 1234567893)"),
                    "\(human)")
            printed["claim show"] = try canonical(shown)

            // claim check: the scrubber over the node's releases; clean, so validated.
            let check = try #require(try json(["claim", "check", clean.id], on: node) as? [String: Any])
            #expect(check["errors"] as? Int == 0 && check["status"] as? String == "validated", "\(check)")
            printed["claim check"] = try canonical(check)
            let notBillable = try CLIProcess.run(["claim", "set", other.id, "diagnoses", "E11"] + node.arguments)
            #expect(notBillable.status == 0, "\(notBillable)")
            let failing = try CLIProcess.run(["claim", "check", other.id, "--json"] + node.arguments)
            #expect(failing.exited(1), "\(failing)")
            let findings = try #require(try failing.json() as? [String: Any])
            #expect((findings["errors"] as? Int ?? 0) > 0)
            printed["claim check (errors)"] = try canonical(findings)
            let open = try CLIProcess.run(["claim", "check", "--all", "--json"] + node.arguments)
            let checks = try #require(try open.json() as? [[String: Any]])
            #expect(open.exited(1) && checks.map { $0["id"] as? String } == [clean.id, other.id], "\(open)")
            printed["claim check --all"] = try canonical(checks)

            // claim set as the central office.
            let edited = try #require(try json(["claim", "set", clean.id, "notes", "office: payer needs records"], on: node)
                                      as? [String: Any])
            #expect(edited["notes"] as? String == "office: payer needs records")

            // claim submit: refused with the findings for the failing claim, accepted for the clean one.
            let refused = try CLIProcess.run(["claim", "submit", other.id] + node.arguments)
            #expect(refused.refused("cannot be submitted") && refused.errorLines.count == 1, "\(refused)")
            let submitted = try #require(try json(["claim", "submit", clean.claimNumber], on: node) as? [String: Any])
            #expect(submitted["status"] as? String == "submitted")
            printed["claim submit"] = try canonical(submitted)

            // export x12: settings first, then one file pyx12 accepts; the scrubber gate refuses the failing claim.
            let settings = try json(["export", "settings", "--submitter-name", "Springfield Family Practice", "--submitter-id", "SFP01",
                                     "--contact", "Billing Office", "--submitter-phone", "(217) 555-0100", "--receiver-name",
                                     "Prairie Clearinghouse", "--receiver-id", "PRAIRIECH", "--usage", "test"], on: node)
            printed["export settings"] = try canonical(settings)
            let file = folder.appendingPathComponent("claims.837").path
            let gate = try CLIProcess.run(["export", "x12", other.id, "-o", file] + node.arguments)
            #expect(gate.refused("cannot export") && !FileManager.default.fileExists(atPath: file), "\(gate)")
            let export = try #require(try json(["export", "x12", clean.id, "-o", file], on: node) as? [String: Any])
            #expect(export["interchange_control_number"] as? Int == 1 && export["claim_ids"] as? [String] == [clean.id], "\(export)")
            try X12Validator.expectAccepted(file: file)
            printed["export x12"] = try canonical(export, dropping: ["file"])

            // claim history: who, where, when — the clinic's site and the central office.
            let history = try #require(try json(["claim", "history", clean.id], on: node) as? [[String: Any]])
            let byOffice = history.filter { $0["site"] as? String == site }
            #expect(byOffice.contains { $0["field"] as? String == "notes" && $0["author"] as? String == "central office" })
            let submittedRank = String(ClaimLifecycle(round: 1, stage: .submitted).rank)
            #expect(byOffice.contains { $0["field"] as? String == "lifecycle" && $0["value"] as? String == submittedRank })
            #expect(history.contains { $0["site"] as? String == front.identity.siteID })
            printed["claim history"] = try canonical(history.filter { $0["field"] as? String != SyncSchema.rowInsertField },
                                                     dropping: ["at_millis", "seq"], site: site)

            // conflicts list|show|resolve.
            let conflicts = try #require(try json(["conflicts", "list"], on: node) as? [[String: Any]])
            #expect(conflicts.count == 1 && conflicts.first?["field"] as? String == "notes" && conflicts.first?["row"] as? String == other.id)
            let id = try #require(conflicts.first?["id"] as? String)
            printed["conflicts list"] = try canonical(conflicts, dropping: ["id"])
            let one = try json(["conflicts", "show", String(id.prefix(8))], on: node)
            printed["conflicts show"] = try canonical(one, dropping: ["id"])
            let resolved = try #require(try json(["conflicts", "resolve", String(id.prefix(8)), "--keep", "loser"], on: node)
                                        as? [String: Any])
            #expect(resolved["status"] as? String == "resolved")
            printed["conflicts resolve"] = try canonical(resolved, dropping: ["id"])

            // status: clinics, log head, open conflicts, last syncs.
            let after = try #require(try json(["status"], on: node) as? [String: Any])
            #expect(after["open_conflicts"] as? Int == 0 && (after["log_head"] as? Int ?? 0) > 0)
            let clinics = try #require(after["clinics"] as? [[String: Any]])
            #expect(clinics.map { $0["clinic_id"] as? String } == ["alpha"] && clinics.first?["name"] as? String == "Alpha Clinic")
            printed["status"] = try canonical(after, dropping: ["site_id", "log_head", "enrolled_at"])
            let statusTable = try CLIProcess.run(["status"] + node.arguments)
            #expect(statusTable.status == 0 && statusTable.stdout.contains("Alpha Clinic"), "\(statusTable)")

            // The clinic gets the office's edit, the submission and the resolution at its next sync.
            try await node.backend.sync(front)
            let atClinic = try front.claim(clean.id)
            #expect(atClinic.notes == "office: payer needs records" && atClinic.lifecycle.stage == .submitted)
            #expect(try front.conflicts().isEmpty)
            #expect(try front.claim(other.id).notes == "front-notes")
            await node.close()
            return printed
        }

        /// The clinic's people: a patient, the billing provider with what the 837P needs, the payer.
        static func people(in store: LocalStore) throws -> (patient: String, payer: String) {
            let patient = try store.addPatient(PatientInput(
                firstName: "Maria", lastName: "Garcia", dateOfBirth: "1984-07-02", sex: "F", memberID: "XGM100200",
                address: "12 Elm Street", city: "Springfield", state: "IL", zip: "62704"))
            _ = try store.addProvider(ProviderInput(npi: "1234567893", name: "Springfield Family Practice", taxID: "371234567",
                                                    taxonomy: "207Q00000X", address: "100 Main Street", city: "Springfield",
                                                    state: "IL", zip: "627011234"))
            let payer = try store.addPayer(payerID: "60054", name: "Prairie Health Plan", filingIndicator: "CI")
            return (patient.id, payer.id)
        }

        @Test func everyCentralOfficeCommandAnswersTheSameOnBothBackends() async throws {
            // One moment for both stories (the same seeded ids and stamps), a minute back so no
            // change is ahead of the node's clock.
            let today = SystemClock().nowMillis() - 60_000
            var printed: [CentralKind: [String: String]] = [:]
            for kind in CentralKind.available {
                printed[kind] = try await Self.story(kind, today: today)
            }
            if let sqlite = printed[.sqlite], let postgres = printed[.postgres] {
                #expect(sqlite.keys.sorted() == postgres.keys.sorted())
                for key in sqlite.keys.sorted() {
                    #expect(sqlite[key] == postgres[key], "\(key) differs:\n sqlite:   \(sqlite[key] ?? "")\n postgres: \(postgres[key] ?? "")")
                }
            }
        }
    }
}
