import CLITesting
import BillingModel
import ClinicStore
import Foundation
import GRDB
import SyncModel
import Testing

/// DESIGN §8 convergence, through the real stores: a central store and two clinic stores,
/// seeded random operations (claims, lines, same-field edits at two sites, tombstones,
/// submissions, status moves, conflict resolutions) and random partial syncs with duplicated,
/// replayed and lost messages. After syncing to quiescence every replica holds the same rows
/// in its scope and the same conflicts. `CLINICSYNC_STORE_SCHEDULES` raises the seed count;
/// `CLINICSYNC_STORE_SEED` replays one seed.
@Suite(.timeLimit(.minutes(10))) struct StoreConvergenceTests {
    static var seeds: [UInt64] {
        let env = ProcessInfo.processInfo.environment
        if let one = env["CLINICSYNC_STORE_SEED"].flatMap(UInt64.init) { return [one] }
        return Array(1...(env["CLINICSYNC_STORE_SCHEDULES"].flatMap(UInt64.init) ?? 40))
    }

    @Test func randomSchedulesConverge() throws {
        var totals: [String: Int] = [:]
        for seed in Self.seeds {
            var world = try StoreWorld(seed: seed)
            do {
                for step in 0..<60 { try world.step(step) }
                try world.settle()
            } catch {
                throw SeededFailure(seed: seed, error: error)
            }
            try world.checkConvergence()
            #expect(world.stats["deliveries", default: 0] > 0, "seed \(seed): no partial sync was delivered (\(world.stats))")
            totals.merge(world.stats, uniquingKeysWith: +)
        }
        // The faults the schedules claim to inject did happen, across the seeds.
        if Self.seeds.count >= 10 {
            for fault in ["duplicated pushes", "lost replies", "lost pages", "replayed pages", "resolutions", "lifecycle"] {
                #expect(totals[fault, default: 0] > 0, "no \(fault) in \(Self.seeds.count) seeds: \(totals)")
            }
        }
    }
}

/// A failure while running one seed's schedule, with the seed that replays it
/// (`CLINICSYNC_STORE_SEED`).
struct SeededFailure: Error, CustomStringConvertible {
    var seed: UInt64
    var error: any Error
    var description: String { "seed \(seed) (replay with CLINICSYNC_STORE_SEED=\(seed)): \(error)" }
}

struct StoreWorld {
    let seed: UInt64
    var random: SeededRandom
    let clocks: [ManualClock]
    let central: LocalStore
    let clinics: [LocalStore]
    var stats: [String: Int] = [:]

    init(seed: UInt64) throws {
        self.seed = seed
        random = SeededRandom(state: seed)
        let siteClocks = (0..<3).map { _ in ManualClock(millis: TestStores.epochMillis) }
        clocks = siteClocks
        central = try LocalStore.inMemory(role: .central, clinicID: "central", clock: siteClocks[0], ids: .seeded(seed &* 31))
        clinics = try ["alpha", "beta"].enumerated().map { index, id in
            try LocalStore.inMemory(role: .clinic, clinicID: id, clock: siteClocks[index + 1],
                                    ids: .seeded(seed &* 31 &+ UInt64(index) &+ 1))
        }
        for clinic in clinics {
            let patient = try clinic.addPatient(PatientInput(firstName: "P", lastName: "Q", dateOfBirth: "1970-01-01",
                                                             sex: "U", memberID: "M1"))
            _ = try clinic.addProvider(ProviderInput(npi: "1234567893", name: "Practice"))
            _ = try clinic.addPayer(payerID: "PAY", name: "Plan")
            _ = try clinic.newClaim(ClaimInput(patientID: patient.id, payer: "PAY", billingNPI: "1234567893", diagnoses: ["E119"]))
        }
    }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    /// One random operation or partial sync. A user's operation may be refused as a user would
    /// see it (coding a submitted claim, a lifecycle move the claim does not allow, a claim the
    /// scrubber stops); any other error — a constraint, a corrupt or locked store, any sync
    /// failure — fails the schedule.
    mutating func step(_ number: Int) throws {
        for clock in clocks { clock.advance(byMillis: Int64(random.next() % 40)) }
        let roll = random.next() % 100
        let site = Int(random.next() % 3)
        let store = site == 0 ? central : clinics[site - 1]
        if roll >= 62 {
            if site > 0 { try partialSync(clinics[site - 1]) }
            return
        }
        do {
            switch roll {
            case 0..<45: try edit(at: store)
            case 45..<55: try lifecycle(at: store)
            default: try resolve(at: store)
            }
        } catch where Self.isRefusal(error) {
            stats["refused", default: 0] += 1
        } catch {
            throw StepFailure(step: number, site: site, error: error)
        }
    }

    /// Whether `error` is a refusal a user is shown, with nothing changed.
    static func isRefusal(_ error: any Error) -> Bool {
        switch error {
        case is ClaimRefusal: return true
        case StoreError.notAllowed: return true
        case StoreError.invalid(_, let field, _): return field != "constraint"  // a constraint is a bug, never a refusal
        default: return false
        }
    }

    /// An operation that failed with an error no user should see.
    struct StepFailure: Error, CustomStringConvertible {
        var step: Int
        var site: Int
        var error: any Error
        var description: String { "step \(step) at site \(site): \(error)" }
    }

    mutating func edit(at store: LocalStore) throws {
        guard let claim = pick(try store.claims()) else { return }
        switch random.next() % 6 {
        case 0: _ = try store.setClaimField(claim.id, field: .notes, value: "n\(random.next() % 5)")
        case 1: _ = try store.setClaimField(claim.id, field: .pos, value: pick(["11", "22", "02"])!)
        case 2: _ = try store.addLine(claim: claim.id, LineInput(procedureCode: pick(["99213", "36415", "83036"])!, units: 1,
                                                                  charge: "\(10 + random.next() % 90)", serviceDate: "2025-01-10"))
        case 3:
            if let line = pick(claim.lines) {
                _ = try store.setLine(claim: claim.id, lineNumber: line.lineNumber, LineInput(charge: "\(random.next() % 300)"))
            }
        case 4:
            if let line = pick(claim.lines) { _ = try store.removeLine(claim: claim.id, lineNumber: line.lineNumber) }
        default:
            if store.identity.role == .clinic, chance(30) {
                let patient = try #require(try store.patients().first)
                _ = try store.newClaim(ClaimInput(patientID: patient.id, payer: "PAY", billingNPI: "1234567893", diagnoses: ["I10"]))
            }
        }
        stats["edits", default: 0] += 1
    }

    mutating func lifecycle(at store: LocalStore) throws {
        guard let claim = pick(try store.claims()) else { return }
        switch claim.lifecycle.stage {
        case .draft, .coded, .validated: _ = try store.submitClaim(claim.id)
        case .submitted: _ = try store.setClaimField(claim.id, field: .status, value: pick(["accepted", "rejected"])!)
        case .accepted: _ = try store.setClaimField(claim.id, field: .status, value: pick(["paid", "denied"])!)
        default: return
        }
        stats["lifecycle", default: 0] += 1
    }

    mutating func resolve(at store: LocalStore) throws {
        guard let conflict = pick(try store.conflicts()) else { return }
        let choice: ConflictResolution = chance(50) ? .keepWinner : .keepLoser
        _ = try store.resolveConflict(conflict.id, resolution: choice)
        stats["resolutions", default: 0] += 1
    }

    /// Part of a sync, with faults: a push delivered twice or whose reply is lost, a page
    /// applied twice or lost.
    mutating func partialSync(_ clinic: LocalStore) throws {
        if chance(50), let request = try clinic.nextPush(limit: Int(1 + random.next() % 5)) {
            let response = try central.acceptPush(request, from: clinic.identity.clinicID)
            if chance(20) { _ = try central.acceptPush(request, from: clinic.identity.clinicID); stats["duplicated pushes", default: 0] += 1 }
            if chance(15) { stats["lost replies", default: 0] += 1; return }
            try clinic.recordPush(response)
        } else {
            let page = try central.pull(for: clinic.identity.clinicID, site: clinic.identity.siteID,
                                        since: try clinic.syncStatus().cursor, limit: Int(1 + random.next() % 6))
            if chance(15) { stats["lost pages", default: 0] += 1; return }
            try clinic.applyPull(page)
            if chance(20) { try clinic.applyPull(page); stats["replayed pages", default: 0] += 1 }
        }
        stats["deliveries", default: 0] += 1
    }

    func settle() throws {
        for _ in 0..<4 { for clinic in clinics { try SyncHarness.sync(clinic, with: central, batch: 7, page: 9) } }
    }

    /// Same rows in each clinic's scope, same conflicts, sound files.
    func checkConvergence() throws {
        for clinic in clinics {
            let scope = [clinic.identity.clinicID, LocalStore.centralOwner]
            for table in ["patient", "provider", "payer", "claim", "service_line", "conflict"] {
                let mine = try dump(clinic, table: table, owners: scope)
                let theirs = try dump(central, table: table, owners: scope)
                #expect(mine == theirs, "seed \(seed): \(table) differs at \(clinic.identity.clinicID) (\(stats))")
            }
            #expect(try clinic.syncStatus().outbox == 0, "seed \(seed): outbox not empty")
            #expect(try dump(clinic, table: "claim", owners: ["alpha", "beta"].filter { !scope.contains($0) }).isEmpty,
                    "seed \(seed): another clinic's rows leaked")
        }
        for store in [central] + clinics {
            #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        }
    }

    func dump(_ store: LocalStore, table: String, owners: [String]) throws -> [String] {
        try store.read { db in
            let marks = owners.map { _ in "?" }.joined(separator: ",")
            return try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE owner IN (\(marks)) ORDER BY id",
                                    arguments: StatementArguments(owners)).map { $0.description }
        }
    }
}
