import BillingModel
import CLITesting
import ClinicStore
import Foundation
import GRDB
import SyncEngine
import SyncModel
import Testing

extension PostgresSuites {
    /// DESIGN §8 "A hostile clinic": a seeded generator of hostile pushes (foreign sites, foreign
    /// references, forged conflicts, forged re-assertions, bad enumerations, oversized fields,
    /// cursors past the log) from `mallory`, interleaved with the honest traffic of `alpha` and
    /// `beta`, over real HTTP on both backends. The honest clinics' state — at the central node and
    /// in their own stores — equals that of the same schedule run without the attacker, every time.
    ///
    /// `CLINICSYNC_HOSTILE_SCHEDULES` sets the number of schedules per backend (default 20).
    @Suite struct HostilePushGeneratorTests {
        static var schedules: Int { Int(ProcessInfo.processInfo.environment["CLINICSYNC_HOSTILE_SCHEDULES"] ?? "") ?? 20 }
        static let steps = 10

        /// What one run ends with: each honest clinic's rows at the central node and in its store.
        struct Outcome: Equatable {
            var central: [String: [String: FieldValue]] = [:]
            var stores: [String: [String]] = [:]
        }

        /// What a run counted.
        struct Tally {
            var hostilePushes = 0
            var hostileChanges = 0
            var refused = 0
        }

        static func storeRows(_ store: LocalStore) throws -> [String] {
            try store.read { db in
                try HostileClinicTests.tables.flatMap { table in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table) \($0.description)" }
                }
            }
        }

        /// Runs schedule `seed` on a fresh world of `kind`, with the attacker or without.
        static func run(_ kind: CentralKind, seed: UInt64, attacker: Bool, baseMillis: Int64) async throws -> (Outcome, Tally) {
            let world = try await CentralWorld.start(kind, processes: 1)
            var honest = SeededRandom(state: seed), hostile = SeededRandom(state: seed ^ 0xDEAD_BEEF)
            var tally = Tally()
            let clock = ManualClock(millis: baseMillis)
            var clinics: [LocalStore] = []
            var claims: [[Claim]] = []
            for (index, id) in ["alpha", "beta"].enumerated() {
                let store = try LocalStore.inMemory(role: .clinic, clinicID: id, clock: clock,
                                                    ids: .seeded(seed &* 31 &+ UInt64(index)))
                try store.setRemote(serverURL: world.nodes[0].url.absoluteString,
                                    token: try await world.central.enroll(clinicID: id, name: nil))
                claims.append([try CentralEndToEndTests.seed(store, npi: "1234567893")])
                try await world.sync(store)
                clinics.append(store)
            }
            var mallory: (client: CentralClient, forger: Forger, claim: Claim)?
            if attacker {
                let store = try await world.clinic("mallory")
                let claim = try CentralEndToEndTests.seed(store)
                try await world.sync(store)
                mallory = (try world.client(for: store), Forger(clinicID: "mallory", site: store.identity.siteID), claim)
            }
            for _ in 0..<steps {
                clock.advance(byMillis: 1_000)
                let who = Int(honest.next() % 2), store = clinics[who]
                let claim = claims[who][Int(honest.next() % UInt64(claims[who].count))]
                switch honest.next() % 4 {
                case 0: _ = try store.setClaimField(claim.id, field: .notes, value: "note \(honest.next() % 1000)")
                case 1: _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", units: 1 + Int(honest.next() % 3),
                                                                          charge: "75", serviceDate: "2025-02-01"))
                case 2: claims[who].append(try Self.newClaim(store, like: claims[who][0], number: honest.next() % 1000))
                default: try await world.sync(store)
                }
                if var attack = mallory {
                    let victim = Int(hostile.next() % 2)
                    let victimClaims = claims[victim]
                    let target = victimClaims[Int(hostile.next() % UInt64(victimClaims.count))]
                    let request = Self.hostilePush(&attack.forger, &hostile, victim: clinics[victim], target: target,
                                                   own: attack.claim)
                    mallory = attack
                    tally.hostilePushes += 1
                    tally.hostileChanges += request.changes.count
                    do {
                        let reply = try await attack.client.push(request)
                        tally.refused += reply.refused.count
                        #expect(reply.refused.allSatisfy { !$0.message.isEmpty })
                    } catch SyncError.server(let status, _) {
                        #expect(status == 403)
                        tally.refused += request.changes.count
                    }
                }
            }
            await mallory?.client.shutdown()
            var outcome = Outcome()
            for store in clinics + clinics { try await world.sync(store) }
            for store in clinics {
                let id = store.identity.clinicID
                #expect(try store.pushRefusals().isEmpty, "\(id) had a change refused")
                outcome.stores[id] = try storeRows(store)
                for (key, row) in try await HostileClinicTests.rows(of: id, in: world) { outcome.central["\(id) \(key)"] = row }
            }
            await world.stop()
            return (outcome, tally)
        }

        /// A new patient's claim with one line, billed like `first`.
        static func newClaim(_ store: LocalStore, like first: Claim, number: UInt64) throws -> Claim {
            let patient = try store.addPatient(PatientInput(firstName: "Pat", lastName: "N\(number)", dateOfBirth: "1970-02-03",
                                                            sex: "M", memberID: "M\(number)"))
            let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "P\(store.identity.clinicID)",
                                                      billingNPI: first.billingNPI, diagnoses: ["E11.9"]))
            _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "99212", units: 1, charge: "50",
                                                             serviceDate: "2025-01-12"))
            return try store.claim(claim.id)
        }

        /// One hostile push: one to four changes drawn from the attacks of DESIGN §4, some at the
        /// victim's (already bound) site.
        static func hostilePush(_ forger: inout Forger, _ random: inout SeededRandom, victim: LocalStore, target: Claim,
                                own: Claim) -> PushRequest {
            let victimSite = victim.identity.siteID
            var changes: [Change] = []
            for _ in 0...(random.next() % 4) {
                let change: Change
                switch random.next() % 16 {
                case 0: change = forger.field("claim", row: own.id, "notes", .text("site"), site: victimSite)
                case 1: change = forger.insert("service_line", Forger.line(claim: target.id))
                case 2: change = forger.field("service_line", row: own.lines[0].id, "claim_id", .text(target.id))
                case 3: change = forger.insert("claim", Forger.claim(patient: target.patientID, payer: own.payerID))
                case 4: change = forger.insert("claim", Forger.claim(patient: own.patientID, payer: target.payerID))
                case 5: change = forger.insert("claim", Forger.claim(patient: own.patientID, payer: own.payerID,
                                                                      original: target.id))
                case 6: change = forger.insert("conflict", Forger.conflict(row: target.id, loser: .text("forged")))
                case 7: change = forger.insert("conflict", Forger.conflict(row: own.id, field: random.next() % 2 == 0 ? "owner" : "id"))
                case 8: change = forger.insert("conflict", Forger.conflict(row: own.id, kind: "bogus"))
                case 9: change = forger.insert("conflict", Forger.conflict(row: own.id, status: 2 + Int64(random.next() % 50)))
                case 10: change = forger.field("service_line", row: own.lines[0].id, "units", .integer(9),
                                               reasserted: 16 * Int64(1 + random.next() % 3) + 3)
                case 11: change = forger.field("claim", row: own.id, "lifecycle", .integer(Int64(random.next() % 16)))
                case 12: change = forger.insert("service_line", row: String(repeating: "r", count: 65 + Int(random.next() % 100)),
                                                Forger.line(claim: own.id))
                case 13: change = forger.field("claim", row: own.id, "notes", .text(String(repeating: "n", count: 5_000)))
                case 14: change = forger.field("claim", row: target.id, "notes", .text("taken"), owner: victim.identity.clinicID)
                default: change = forger.field("claim", row: own.id, "notes", .text("late"), observed: 1 << 40)
                }
                changes.append(change)
            }
            // Now and then the whole push claims the victim's site.
            return forger.request(changes, site: random.next() % 5 == 0 ? victimSite : nil)
        }

        @Test(arguments: CentralKind.available)
        func honestClinicsEndTheSameWithOrWithoutTheAttacker(kind: CentralKind) async throws {
            var total = Tally()
            for schedule in 0..<Self.schedules {
                let seed = UInt64(0xC11_0000 + schedule)
                let base = SystemClock().nowMillis() - 60_000
                let (clean, _) = try await Self.run(kind, seed: seed, attacker: false, baseMillis: base)
                let (attacked, tally) = try await Self.run(kind, seed: seed, attacker: true, baseMillis: base)
                #expect(attacked == clean, "schedule \(schedule) (seed \(seed)) on \(kind)")
                #expect(!clean.central.isEmpty && clean.central.count == attacked.central.count)
                #expect(tally.refused == tally.hostileChanges, "every hostile change is refused")
                total.hostilePushes += tally.hostilePushes
                total.hostileChanges += tally.hostileChanges
                total.refused += tally.refused
            }
            #expect(total.hostilePushes == Self.schedules * Self.steps)
            print("hostile generator on \(kind): \(Self.schedules) schedules, \(total.hostilePushes) hostile pushes, "
                  + "\(total.hostileChanges) hostile changes, \(total.refused) refused")
        }
    }
}
