import CentralPostgres
import CentralServer
import ClinicStore
import Foundation
import BillingModel
import SyncModel
import Testing

extension PostgresSuites {
    /// The PostgreSQL backend keeps the SQLite central node's contract: scope, refusals,
    /// replays, enrollment and releases.
    @Suite(.needsPostgres) struct BackendTests {
        @Test func aPayerTravelsToTheOtherSiteOfTheSameClinicAndNotToAnotherClinic() async throws {
            let central = try await TestDatabase.backend()
            let front = try Clinic.store("alpha", seed: 1), back = try Clinic.store("alpha", seed: 2)
            let beta = try Clinic.store("beta", seed: 3)
            let payer = try front.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
            try await central.sync(front)
            try await central.sync(back)
            try await central.sync(beta)
            #expect(try back.payers().map(\.id) == [payer.id])
            #expect(try beta.payers().isEmpty)
            #expect(try front.syncStatus().outbox == 0)
            #expect(try await central.rowIDs("payer", owner: "alpha") == [payer.id])
            #expect(try await central.row("payer", id: payer.id)?["name"] == .text("Demo Health Plan"))
            await central.shutdown()
        }

        @Test func aReplayedPushIsAnsweredTheSameAndChangesNothing() async throws {
            let central = try await TestDatabase.backend()
            let clinic = try Clinic.store("alpha", seed: 1)
            _ = try clinic.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
            let request = try #require(try clinic.nextPush())
            let first = try await central.acceptPush(request, from: "alpha")
            let head = try await central.logHead()
            let again = try await central.acceptPush(request, from: "alpha")
            #expect(again.applied == first.applied && again.serverSeqs == first.serverSeqs)
            #expect(first.serverSeqs.allSatisfy { $0 > 0 })
            #expect(try await central.logHead() == head)
            await central.shutdown()
        }

        @Test func changesOutsideTheClinicsScopeAreRefusedOneByOne() async throws {
            let central = try await TestDatabase.backend()
            let alpha = try Clinic.store("alpha", seed: 1), beta = try Clinic.store("beta", seed: 2)
            let payer = try alpha.addPayer(payerID: "P1", name: "Plan")
            try await central.sync(alpha)
            _ = try alpha.addPayer(payerID: "P2", name: "Second plan")
            var stolen = try #require(try alpha.outbox().first)
            stolen.version.site = beta.identity.siteID
            var central_ = stolen
            central_.owner = LocalStore.centralOwner
            central_.version.seq += 1
            var unknown = stolen
            unknown.table = "secrets"
            unknown.version.seq += 2
            var foreign = stolen
            foreign.version.site = "elsewhere"
            foreign.version.seq += 3
            let request = PushRequest(schemaVersion: StoreMigrations.schemaVersion, clinicID: "beta",
                                      siteID: beta.identity.siteID, changes: [stolen, central_, unknown, foreign])
            let reply = try await central.acceptPush(request, from: "beta")
            #expect(reply.applied.isEmpty)
            #expect(reply.refused.map(\.reason) == [.outOfScope, .readOnlyTable, .unknownTable, .wrongSite])
            #expect(try await central.rowIDs("payer", owner: "alpha") == [payer.id])
            #expect(try await central.rowIDs("payer", owner: "beta").isEmpty)
            await central.shutdown()
        }

        @Test func wholeRequestProblemsThrowAndChangeNothing() async throws {
            let central = try await TestDatabase.backend()
            let clinic = try Clinic.store("alpha", seed: 1)
            _ = try clinic.addPayer(payerID: "P1", name: "Plan")
            var request = try #require(try clinic.nextPush())
            await #expect { try await central.acceptPush(request, from: "beta") } throws: {
                ($0 as? ErrorBody)?.error == .forbidden
            }
            request.schemaVersion += 1
            await #expect { try await central.acceptPush(request, from: "alpha") } throws: {
                ($0 as? ErrorBody)?.error == .schemaMismatch
            }
            let ahead = try Clinic.store("alpha", seed: 2, clock: ManualClock(millis: SystemClock().nowMillis() + 3_600_000))
            _ = try ahead.addPayer(payerID: "P2", name: "Plan")
            await #expect(throws: ClockSkewError.self) { try await central.acceptPush(try ahead.nextPush()!, from: "alpha") }
            await #expect { try await central.pull(for: "alpha", site: "s", since: 99, limit: 10) } throws: {
                ($0 as? ErrorBody)?.error == .badRequest
            }
            #expect(try await central.logHead() == 0)
            await central.shutdown()
        }

        @Test func enrollmentGivesATokenOnceAndRevocationEndsIt() async throws {
            let central = try await TestDatabase.backend()
            let token = try await central.enroll(clinicID: "alpha", name: "Springfield")
            #expect(token.hasPrefix("alpha."))
            #expect(try await central.authenticate(token: token) == "alpha")
            #expect(try await central.authenticate(token: token + "0") == nil)
            #expect(try await central.authenticate(token: "beta." + token.dropFirst(6)) == nil)
            let rotated = try await central.enroll(clinicID: "alpha", name: nil)
            #expect(try await central.authenticate(token: token) == nil, "a rotated token replaces the old one")
            #expect(try await central.enrollments().map(\.name) == ["Springfield"])
            try await central.revoke(clinicID: "alpha")
            #expect(try await central.authenticate(token: rotated) == nil)
            #expect(try await central.enrollments().first?.revokedAtMillis != nil)
            await #expect(throws: StoreError.notFound(entity: "enrolled clinic", id: "alpha")) {
                try await central.revoke(clinicID: "alpha")
            }
            await #expect(throws: StoreError.self) { try await central.enroll(clinicID: "central", name: nil) }
            await #expect(throws: StoreError.self) { try await central.enroll(clinicID: "bad id!", name: nil) }
            await central.shutdown()
        }

        @Test func releasesOfACentralStoreArePublishedOnceAndTravelAsFiles() async throws {
            let central = try await TestDatabase.backend()
            let store = try LocalStore.inMemory(role: .central, clinicID: LocalStore.centralOwner)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pos-\(UUID().uuidString).csv")
            try "code,description\n11,Office\n12,Home\n".write(to: file, atomically: true, encoding: .utf8)
            _ = try store.importRelease(ReleaseImport(system: .pos, name: "POS-2025", effectiveFrom: try #require(CalendarDate("2025-01-01")),
                                                      sourceName: "pos.csv"), file: file.path)
            #expect(try await central.publishReleases(from: store) == 1)
            #expect(try await central.publishReleases(from: store) == 0)
            let releases = try await central.publishedReleases()
            #expect(releases.map(\.name) == ["POS-2025"])
            let published = try await central.releaseFile(id: releases[0].id)
            #expect(published == (try store.releaseFile(id: releases[0].id)))
            await #expect(throws: StoreError.self) { try await central.releaseFile(id: "nope") }
            await central.shutdown()
        }

        @Test func processesStartingOnOneSchemaMigrateItOnceAndShareTheSite() async throws {
            let configuration = try TestDatabase.configuration()
            async let first = TestDatabase.backend(configuration)
            async let second = TestDatabase.backend(configuration)
            let (a, b) = try await (first, second)
            #expect(a.siteID == b.siteID)
            #expect(a.siteID.hasPrefix("central-"))
            await a.shutdown()
            await b.shutdown()
        }
    }
}
