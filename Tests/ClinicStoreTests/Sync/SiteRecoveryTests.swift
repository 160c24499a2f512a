import BillingModel
import ClinicStore
import GRDB
import SyncModel
import Testing

/// The store side of issue 28: the central node's record of each site, a store moving to a new
/// site, and the push guard, in process.
@Suite struct SiteRecoveryTests {
    static func patient(_ member: String, at store: LocalStore) throws {
        _ = try store.addPatient(PatientInput(firstName: "Pat", lastName: member, dateOfBirth: "1980-01-01", sex: "F",
                                              memberID: member))
    }

    @Test func theNodesFingerprintOfASiteIsTheStoresOwn() throws {
        let central = try SyncHarness.central(), clinic = try TestStores.clinic()
        try Self.patient("P1", at: clinic)
        try Self.patient("P2", at: clinic)
        try SyncHarness.sync(clinic, with: central)
        let standing = try central.siteStanding(for: "clinic-a", site: clinic.identity.siteID)
        #expect(standing.highestAppliedSeq > 0)
        #expect(standing.digest != nil)
        let facts = try clinic.siteFacts(nodeSeq: standing.highestAppliedSeq)
        #expect(facts.digestAtNodeSeq == standing.digest)
        #expect(facts.acknowledged == standing.highestAppliedSeq)
        #expect(SiteVerdict.decide(store: facts, node: standing) == .inStep)
        #expect(throws: ErrorBody.self) { try central.siteStanding(for: "clinic-b", site: clinic.identity.siteID) }
    }

    /// Issue 16's rule and issue 28's check together: a site whose last pushed change was refused
    /// stands where its clinic thinks (the node answered it) though its progress did not move, so
    /// the next sync finds it in step and pushes nothing again.
    @Test func aSiteWhoseLastChangeWasRefusedIsInStep() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("alpha", seed: 1)
        let shared = try central.addPayer(payerID: "SHARED1", name: "Shared Plan")
        _ = try central.enroll(clinicID: "alpha")
        try Self.patient("P1", at: alpha)
        try SyncHarness.sync(alpha, with: central)
        try alpha.write(author: "front desk") { db in
            try db.execute(sql: "UPDATE payer SET name = 'Renamed Here' WHERE id = ?", arguments: [shared.id])
        }
        try SyncHarness.sync(alpha, with: central)
        #expect(try alpha.pushRefusals().count == 1)

        let site = alpha.identity.siteID
        let standing = try central.siteStanding(for: "alpha", site: site)
        let progress = try central.read { try Int64.fetchOne($0, sql: "SELECT max_seq FROM site_progress WHERE site = ?", arguments: [site]) }
        #expect(try #require(progress) < standing.highestAppliedSeq, "the refusal did not move the site's progress")
        let facts = try alpha.siteFacts(nodeSeq: standing.highestAppliedSeq)
        #expect(facts.acknowledged == standing.highestAppliedSeq)
        #expect(facts.digestAtNodeSeq == standing.digest)
        #expect(SiteVerdict.decide(store: facts, node: standing) == .inStep)
        // A push based on that standing goes through (nothing new: the outbox is empty).
        try Self.patient("P2", at: alpha)
        let request = try #require(try alpha.nextPush()).based(on: SiteAnswer(seq: standing.highestAppliedSeq, digest: standing.digest))
        #expect(try central.acceptPush(request, from: "alpha").applied.count == 1)
    }

    @Test func aNewSiteCarriesExactlyTheUnsyncedChangesInTheirOrder() throws {
        let central = try SyncHarness.central(), clinic = try TestStores.clinic()
        try Self.patient("P1", at: clinic)
        try SyncHarness.sync(clinic, with: central)
        let old = clinic.identity.siteID
        let acked = try clinic.siteFacts(nodeSeq: 0).acknowledged
        try Self.patient("P2", at: clinic)
        try Self.patient("P3", at: clinic)
        let unsynced = try clinic.outbox()
        #expect(unsynced.count == 2)

        let recovery = try clinic.takeNewSite(keepThrough: acked, reason: .restored)
        let new = clinic.identity.siteID
        #expect(recovery.oldSite == old && recovery.newSite == new && recovery.changes == 2)
        #expect(new.hasPrefix("clinic-a-") && new.dropFirst("clinic-a-".count).count == SiteBinding.newSiteHexDigits)
        let moved = try clinic.outbox()
        #expect(moved.map(\.version.site) == [new, new])
        #expect(moved.map(\.version.seq) == unsynced.map(\.version.seq))
        #expect(moved.map(\.version.hlc) == unsynced.map(\.version.hlc))
        #expect(moved.map(\.rowValues) == unsynced.map(\.rowValues))
        let state = try clinic.read { db -> [String] in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT site_id FROM store_info), (SELECT site_id FROM capture_state), cursor,
                       (SELECT max_seq FROM site_progress WHERE site = ?), (SELECT kept_through FROM retired_site WHERE site = ?),
                       (SELECT count(*) FROM change_log WHERE site = ? AND site_seq IS NULL)
                FROM sync_state
                """, arguments: [old, old, old])!
            return row.databaseValues.map { $0.description }
        }
        #expect(state[0] == "\"\(new)\"" && state[1] == "\"\(new)\"")
        #expect(state[2] == "0")
        #expect(state[3] == "\(acked)" && state[4] == "\(acked)")
        #expect(state[5] == "0", "the old site's entries are kept as received changes")
        #expect(try clinic.syncStatus().recovery?.contains(new) == true)

        // New writes go out under the new site; the node takes every one of them.
        try Self.patient("P4", at: clinic)
        try SyncHarness.sync(clinic, with: central)
        let members = try central.read { try String.fetchAll($0, sql: "SELECT member_id FROM patient ORDER BY member_id") }
        #expect(members == ["P1", "P2", "P3", "P4"])
        #expect(try central.siteStanding(for: "clinic-a", site: new).highestAppliedSeq > moved.last!.version.seq)
    }

    @Test func aPushWhoseBaseTheNodeDoesNotHoldChangesNothing() throws {
        let central = try SyncHarness.central(), clinic = try TestStores.clinic()
        try Self.patient("P1", at: clinic)
        try SyncHarness.sync(clinic, with: central)
        let standing = try central.siteStanding(for: "clinic-a", site: clinic.identity.siteID)
        try Self.patient("P2", at: clinic)
        var request = try #require(try clinic.nextPush())
        let head = try central.read { try Int64.fetchOne($0, sql: "SELECT max(seq) FROM change_log") }
        for (seq, digest) in [(standing.highestAppliedSeq, "0000000000000000"), (standing.highestAppliedSeq - 1, standing.digest)] {
            request.baseSeq = seq
            request.baseDigest = digest
            #expect(throws: ErrorBody.siteMoved(site: clinic.identity.siteID, held: standing.highestAppliedSeq)) {
                try central.acceptPush(request, from: "clinic-a")
            }
            #expect(try central.read { try Int64.fetchOne($0, sql: "SELECT max(seq) FROM change_log") } == head)
        }
        request.baseSeq = standing.highestAppliedSeq
        request.baseDigest = standing.digest
        let reply = try central.acceptPush(request, from: "clinic-a")
        #expect(reply.applied.count == 1)
        let after = try central.siteStanding(for: "clinic-a", site: clinic.identity.siteID)
        #expect(request.baseAfter?.seq == after.highestAppliedSeq && request.baseAfter?.digest == after.digest)
    }
}
