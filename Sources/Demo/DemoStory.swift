import BillingModel
import ClinicStore
import Foundation
import Logging
import SyncEngine
import SyncModel

/// `clinicsync demo`: the whole story in one command, on the embedded default — a central
/// node in process on loopback, two clinics coding offline, a concurrent edit, the conflict,
/// its resolution, and every replica agreeing at the end.
public struct DemoStory: Sendable {
    /// What the story found at the end.
    public struct Outcome: Sendable {
        /// Whether both clinics' demo claims read the same at the clinic and at the central store.
        public var replicasAgree: Bool
        /// Whether no conflict is left open at the first clinic or at the central store.
        public var conflictsResolved: Bool
        /// The folder holding the demo's stores (`central.sqlite`, `alpha.sqlite` ...), kept to explore.
        public var folder: URL
    }

    /// Where the demo's stores go.
    public let folder: URL
    private let say: @Sendable (String) -> Void

    /// A story writing its stores under `folder` and telling what happens through `say`.
    public init(folder: URL, say: @escaping @Sendable (String) -> Void) {
        self.folder = folder
        self.say = say
    }

    /// Tells the whole story, starting and stopping a loopback central node; the CLI exits 1
    /// unless the outcome shows agreement and no open conflicts. Throws if the folder already holds stores.
    public func run() async throws -> Outcome {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        say("ClinicSync demo — stores in \(folder.path)\n")
        say("1. The central office creates its store and loads the code sets shipped with ClinicSync.")
        let central = try LocalStore.create(at: path("central.sqlite"), role: .central, clinicID: LocalStore.centralOwner,
                                            name: "Central Billing Office")
        let releases = try central.loadBundledCodebooks()
        say("   \(releases.map { "\($0.name) (\($0.entryCount))" }.joined(separator: ", "))")
        _ = try central.addPayer(payerID: "DEMOPLAN", name: "Demo Health Plan", filingIndicator: "CI")
        say("   It publishes a shared payer list: Demo Health Plan (DEMOPLAN).")

        let adminToken = central.ids.hex(count: 32)
        var logger = Logger(label: "clinicsync.demo.central")
        logger.logLevel = .critical
        let node = try await LoopbackCentral.start(store: central, adminToken: adminToken, logger: logger)
        do {
            return try await tell(central: central, node: node, adminToken: adminToken, path: path)
        } catch {
            await node.stop()
            throw error
        }
    }

    private func tell(central: LocalStore, node: LoopbackCentral, adminToken: String,
                      path: (String) -> String) async throws -> Outcome {
        say("\n2. The central node starts on \(node.url.absoluteString) and enrolls two clinics over HTTP.")
        let tokens = try await CentralClient.with(serverURL: node.url, token: adminToken) { admin in
            [try await admin.enroll(clinicID: "alpha", name: "Alpha Family Practice").token,
             try await admin.enroll(clinicID: "beta", name: "Beta Pediatrics").token]
        }
        say("   Each clinic gets a token, shown once; the central node keeps only its hash.")

        var clinics: [LocalStore] = []
        for (index, (id, name)) in [("alpha", "Alpha Family Practice"), ("beta", "Beta Pediatrics")].enumerated() {
            let store = try LocalStore.create(at: path("\(id).sqlite"), role: .clinic, clinicID: id, name: name)
            try store.setRemote(serverURL: node.url.absoluteString, token: tokens[index])
            let first = try await sync(store)
            say("   \(name): first sync downloads \(first.releasesImported) code releases and the shared payers.")
            clinics.append(store)
        }
        let (alpha, beta) = (clinics[0], clinics[1])

        say("\n3. Both clinics code claims with no network.")
        let alphaClaim = try codeClaim(at: alpha, patient: ("Jane", "Doe", "1980-01-01", "F"), npi: "1234567893",
                                       provider: "Alpha Family Practice", dx: ["E11.9", "I10"],
                                       lines: [("99213", [], "100.00"), ("83036", ["25"], "35.00")])
        let betaClaim = try codeClaim(at: beta, patient: ("Sam", "Lee", "2016-05-04", "M"), npi: "1003347634",
                                      provider: "Beta Pediatrics", dx: ["J02.9"], lines: [("99213", [], "95.00"), ("87880", [], "28.00")])
        for (store, claim) in [(alpha, alphaClaim), (beta, betaClaim)] {
            say("   \(store.identity.clinicName ?? store.identity.clinicID): claim \(claim.claimNumber), "
                + "dx \(claim.diagnoses.map(DiagnosisCode.display).joined(separator: ", ")), "
                + "\(claim.lines.count) lines, total \(Money.dollars(claim.totalChargeCents)); outbox \(try store.syncStatus().outbox) changes")
        }

        try stopAndFix(alphaClaim, at: alpha)

        say("\n4. Both sync. The central node now holds both claims; each clinic sees only its own.")
        for store in clinics { _ = try await sync(store) }
        say("   central: \(try central.claims().count) claims; alpha: \(try alpha.claims().count); beta: \(try beta.claims().count)")

        say("\n5. The same field is edited at the clinic and at the central office at the same time.")
        _ = try alpha.setClaimField(alphaClaim.id, field: .notes, value: "Patient asked for an itemized bill", author: "maria@alpha")
        _ = try central.setClaimField(alphaClaim.id, field: .notes, value: "Payer called: send records with the claim",
                                      author: "lee@central")
        say("   alpha notes:   \"Patient asked for an itemized bill\"")
        say("   central notes: \"Payer called: send records with the claim\"")
        _ = try await sync(alpha)
        let conflict = try requireDemo(try alpha.conflicts().first, "the concurrent edit should make a conflict")
        say("   After sync both replicas hold the winner by (clock, site): \"\(try alpha.claim(alphaClaim.id).notes)\"")
        say("   and the same open conflict \(conflict.id.prefix(8)) — the losing value is kept: \(conflict.loser.value)")
        say("   conflicts open: alpha \(try alpha.conflicts().count), central \(try central.conflicts().count)")

        say("\n6. The clinic resolves it, keeping both notes; the resolution is a normal change that syncs.")
        _ = try alpha.resolveConflict(conflict.id, resolution: .value(.text(
            "Payer called: send records with the claim. Patient asked for an itemized bill")), author: "maria@alpha")
        _ = try await sync(alpha)
        _ = try await sync(beta)

        let agree = try alpha.claim(alphaClaim.id) == central.claim(alphaClaim.id)
            && beta.claim(betaClaim.id) == central.claim(betaClaim.id)
        let resolved = try alpha.conflicts().isEmpty && central.conflicts().isEmpty
        say("   notes everywhere: \"\(try central.claim(alphaClaim.id).notes)\"")
        say("\n7. Every replica agrees: \(agree ? "yes" : "NO") — open conflicts left: \(resolved ? "none" : "some").")
        say("   Try it yourself: clinicsync claim history \(alphaClaim.claimNumber) --store \(path("alpha.sqlite"))")
        await node.stop()
        return Outcome(replicasAgree: agree, conflictsResolved: resolved, folder: folder)
    }

    /// The scrubber stops the wrongly coded claim before it leaves (modifier 25 on a lab test,
    /// not on the visit); the coder moves the modifier and the check passes.
    private func stopAndFix(_ claim: Claim, at store: LocalStore) throws {
        say("   Before anything leaves, alpha's coder checks claim \(claim.claimNumber):")
        let stopped = try store.checkClaim(claim.id, author: "maria@alpha")
        let errors = stopped.findings.filter { $0.severity == .error }
        _ = try requireDemo(errors.first { $0.rule == .modifier25NotEvaluationAndManagement },
                            "the scrubber should stop modifier 25 on a lab test")
        for finding in errors { say("     stopped: \(finding)") }
        let visit = try requireDemo(claim.lines.first { ProcedureCode.isEvaluationAndManagement($0.procedureCode) }, "a visit line")
        let other = try requireDemo(claim.lines.first { $0.modifiers.contains("25") }, "the line with modifier 25")
        _ = try store.setLine(claim: claim.id, lineNumber: other.lineNumber, LineInput(modifiers: []), author: "maria@alpha")
        _ = try store.setLine(claim: claim.id, lineNumber: visit.lineNumber, LineInput(modifiers: ["25"]), author: "maria@alpha")
        let fixed = try store.checkClaim(claim.id, author: "maria@alpha")
        _ = try requireDemo(fixed.hasErrors ? nil : fixed, "the corrected claim should pass the scrubber")
        say("     fixed: modifier 25 moved to the visit (\(visit.procedureCode), line \(visit.lineNumber)); "
            + "the check passes and the claim is \(fixed.claim.lifecycle.stage.name).")
    }

    private func sync(_ store: LocalStore) async throws -> SyncSummary {
        guard let (url, token) = try store.remote().map({ (URL(string: $0.serverURL)!, $0.token) }) else { throw SyncError.noRemote }
        return try await CentralClient.with(serverURL: url, token: token) { try await Synchronizer(store: store, client: $0).run() }
    }

    private func codeClaim(at store: LocalStore, patient: (String, String, String, String), npi: String, provider: String,
                           dx: [String], lines: [(String, [String], String)]) throws -> Claim {
        let person = try store.addPatient(PatientInput(firstName: patient.0, lastName: patient.1, dateOfBirth: patient.2,
                                                       sex: patient.3, memberID: "M\(store.ids.hex(count: 8).uppercased())",
                                                       address: "12 Elm St", city: "Springfield", state: "IL", zip: "62701"))
        _ = try store.addProvider(ProviderInput(npi: npi, name: provider, taxID: "123456789", address: "100 Main St",
                                                city: "Springfield", state: "IL", zip: "627010000"))
        let claim = try store.newClaim(ClaimInput(patientID: person.id, payer: "DEMOPLAN", billingNPI: npi, diagnoses: dx))
        let day = store.today.adding(days: -3).description
        for (code, modifiers, charge) in lines {
            _ = try store.addLine(claim: claim.id, LineInput(procedureCode: code, modifiers: modifiers, units: 1, charge: charge,
                                                             serviceDate: day, diagnosisPointers: [1]))
        }
        return try store.claim(claim.id)
    }
}

/// A demo step that must hold; fails the story with a plain message otherwise.
struct DemoFailure: Error, CustomStringConvertible {
    var description: String
}

func requireDemo<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw DemoFailure(description: "demo step failed: \(message)") }
    return value
}
