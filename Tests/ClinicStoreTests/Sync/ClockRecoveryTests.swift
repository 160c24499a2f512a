import BillingModel
import ClinicStore
import GRDB
import SyncModel
import Testing

/// Issue 27 through the store API, in process: a clinic whose clock ran ahead re-stamps its
/// unsynced changes and syncs again; a clinic whose clock is behind loses last-writer
/// comparisons, and its values are kept in conflicts.
@Suite struct ClockRecoveryTests {
    static let day: Int64 = 86_400_000
    static let minute: Int64 = 60_000

    struct World {
        let centralClock = ManualClock(millis: TestStores.epochMillis)
        let clinicClock = ManualClock(millis: TestStores.epochMillis)
        let central: LocalStore
        let alpha: LocalStore
        let claim: Claim

        init() throws {
            central = try LocalStore.inMemory(role: .central, clinicID: LocalStore.centralOwner, clock: centralClock,
                                              ids: .seeded(99))
            alpha = try LocalStore.inMemory(role: .clinic, clinicID: "alpha", clock: clinicClock, ids: .seeded(1))
            claim = try TestStores.seedClaim(in: alpha)
            try SyncHarness.sync(alpha, with: central)
        }

        /// Both clocks move on together (time passes).
        func pass(_ millis: Int64) {
            centralClock.advance(byMillis: millis)
            clinicClock.advance(byMillis: millis)
        }

        /// This clinic's log rows after `seq`: (seq, hlc, prev_seq, prev_hlc).
        func log(after seq: Int64) throws -> [(seq: Int64, hlc: HLC, prevSeq: Int64?, prevHLC: HLC?)] {
            try alpha.read { db in
                try Row.fetchAll(db, sql: "SELECT seq, hlc, prev_seq, prev_hlc FROM change_log WHERE seq > ? ORDER BY seq",
                                 arguments: [seq]).map {
                    ($0[0], HLC(bitPattern: $0[1]), $0[2], ($0[3] as Int64?).map(HLC.init(bitPattern:)))
                }
            }
        }
    }

    @Test func aClockThatRanAheadAndWasPutRightIsRecoveredWithNothingLost() throws {
        let world = try World()
        let alpha = world.alpha, central = world.central
        let pushed = try alpha.syncStatus().pushedSeq
        // An hour with the clock 30 days ahead, then the clock put right.
        world.pass(10 * Self.minute)
        world.clinicClock.advance(byMillis: 30 * Self.day)
        _ = try alpha.setClaimField(world.claim.id, field: .notes, value: "typed while the clock was wrong")
        let early = try alpha.addPatient(PatientInput(firstName: "Early", lastName: "Ahead", dateOfBirth: "1970-01-01",
                                                      sex: "F", memberID: "EA1"))
        world.clinicClock.advance(byMillis: -30 * Self.day)
        world.pass(Self.minute)
        _ = try alpha.setClaimField(world.claim.id, field: .notes, value: "typed after the clock was put right")
        let late = try alpha.addPatient(PatientInput(firstName: "Late", lastName: "Right", dateOfBirth: "1970-01-01",
                                                     sex: "M", memberID: "LR1"))
        let before = try world.log(after: pushed)
        #expect(before.count == 4 && before.allSatisfy { $0.hlc.millis > world.centralClock.nowMillis() + Self.day })

        // The lock-out of the issue: the central node refuses the whole push.
        let request = try #require(try alpha.nextPush())
        #expect(throws: ClockSkewError.self) { try central.acceptPush(request, from: "alpha") }

        let report = try #require(try alpha.restampUnsynced(centralMillis: world.centralClock.nowMillis()))
        #expect(report.changes == 4 && report.firstSeq == before.first?.seq && report.lastSeq == before.last?.seq)
        #expect(report.aheadMillis > 29 * Self.day)
        let after = try world.log(after: pushed)
        // Same keys, same order, sane stamps; each "version it replaced" follows the new stamp.
        #expect(after.map(\.seq) == before.map(\.seq))
        #expect(zip(after, after.dropFirst()).allSatisfy { $0.hlc < $1.hlc })
        #expect(after.allSatisfy { $0.hlc.millis <= world.centralClock.nowMillis() })
        let second = after[2]
        #expect(second.prevSeq == after[0].seq && second.prevHLC == after[0].hlc)
        // The audit trail says which changes were re-stamped, and from when.
        let history = try alpha.claimHistory(world.claim.id).filter { $0.field == "notes" }
        #expect(history.count == 2 && history.allSatisfy { ($0.restampedFromMillis ?? 0) > world.clinicClock.nowMillis() + Self.day })
        // A second look changes nothing.
        #expect(try alpha.restampUnsynced(centralMillis: world.centralClock.nowMillis()) == nil)

        try SyncHarness.sync(alpha, with: central)
        #expect(try central.claim(world.claim.id).notes == "typed after the clock was put right")
        #expect(Set(try central.patients().map(\.id)).isSuperset(of: [early.id, late.id]))
        #expect(try central.conflicts().isEmpty && alpha.conflicts().isEmpty)
        #expect(try alpha.syncStatus().outbox == 0)
        // Later changes are stamped by the wall clock again.
        world.pass(Self.minute)
        _ = try alpha.setClaimField(world.claim.id, field: .notes, value: "next day")
        let next = try #require(try world.log(after: after.last!.seq).last)
        #expect(next.hlc == HLC(millis: world.clinicClock.nowMillis()))
    }

    /// A conflict this clinic recorded while its change was stamped ahead names the change's new
    /// stamp after the re-stamp, so the central node and the clinic keep the same record.
    @Test func aConflictNamingARestampedChangeFollowsIt() throws {
        let world = try World()
        let alpha = world.alpha, central = world.central
        world.pass(Self.minute)
        _ = try central.setClaimField(world.claim.id, field: .notes, value: "central office note")
        world.clinicClock.advance(byMillis: 30 * Self.day)
        _ = try alpha.setClaimField(world.claim.id, field: .notes, value: "clinic note, clock ahead")
        world.clinicClock.advance(byMillis: -30 * Self.day)
        // A pull before any push: the clinic's change wins here and the central one is kept as the loser.
        let page = try central.pull(for: "alpha", site: alpha.identity.siteID, since: try alpha.syncStatus().cursor, limit: 100)
        try alpha.applyPull(page)
        let recorded = try #require(try alpha.conflicts().first)
        #expect(recorded.winner.value == .text("clinic note, clock ahead"))

        try #require(try alpha.restampUnsynced(centralMillis: world.centralClock.nowMillis()) != nil)
        let winner = try #require(try alpha.conflicts().first?.winner.version)
        #expect(winner.hlc.millis <= world.centralClock.nowMillis() && winner.site == alpha.identity.siteID)
        try SyncHarness.sync(alpha, with: central)
        let there = try central.conflicts(), here = try alpha.conflicts()
        #expect(there.count == 1 && there == here, "central \(there), clinic \(here)")
        #expect(try central.claim(world.claim.id).notes == "clinic note, clock ahead")
        #expect(Set([there.first?.winner.value, there.first?.loser.value])
                == [.text("clinic note, clock ahead"), .text("central office note")])
    }

    /// A central edit this clinic received while its change was stamped ahead, and merged away
    /// without a conflict (the same value), is not in its log: the re-stamp still stays after it,
    /// so both ends keep the same current version of the field (and later merges agree).
    @Test func aChangeMergedAwayWithoutAConflictStillOrdersTheRestamp() throws {
        let world = try World()
        let alpha = world.alpha, central = world.central
        world.clinicClock.advance(byMillis: 30 * Self.day)
        _ = try alpha.setClaimField(world.claim.id, field: .notes, value: "same words")
        world.clinicClock.advance(byMillis: -30 * Self.day)
        world.pass(Self.minute)
        _ = try central.setClaimField(world.claim.id, field: .notes, value: "same words")
        let page = try central.pull(for: "alpha", site: alpha.identity.siteID, since: try alpha.syncStatus().cursor, limit: 100)
        try alpha.applyPull(page)
        #expect(try alpha.conflicts().isEmpty)

        try #require(try alpha.restampUnsynced(centralMillis: world.centralClock.nowMillis()) != nil)
        try SyncHarness.sync(alpha, with: central)
        let sql = """
            SELECT site, coalesce(site_seq, seq), hlc FROM change_log
            WHERE row_id = ? AND field IN ('notes', '*') AND applied = 1 ORDER BY seq DESC LIMIT 1
            """
        let current = try [alpha, central].map { store in
            try store.read { db in try Row.fetchOne(db, sql: sql, arguments: [world.claim.id]).map { [$0[0], $0[1], $0[2]] as [DatabaseValue] } }
        }
        #expect(current[0] == current[1], "clinic \(String(describing: current[0])), central \(String(describing: current[1]))")
        #expect(current[0]?.first == alpha.identity.siteID.databaseValue)
    }

    /// A change the central node took whose reply was lost is still in the outbox, but it was
    /// stamped within the limit, so a re-stamp leaves it alone: its stamp at the central node and
    /// here stay one and the same.
    @Test func aChangeTheCentralNodeTookIsNeverRestampedEvenIfItsReplyWasLost() throws {
        let world = try World()
        let alpha = world.alpha, central = world.central
        world.clinicClock.advance(byMillis: 3 * Self.minute)
        _ = try alpha.setClaimField(world.claim.id, field: .notes, value: "taken, reply lost")
        _ = try central.acceptPush(try #require(try alpha.nextPush()), from: "alpha")
        world.clinicClock.advance(byMillis: 30 * Self.day)
        let ahead = try alpha.addPatient(PatientInput(firstName: "Far", lastName: "Ahead", dateOfBirth: "1970-01-01",
                                                      sex: "F", memberID: "FA1"))
        world.clinicClock.advance(byMillis: -30 * Self.day - 3 * Self.minute)
        let outbox = try alpha.outbox()
        #expect(outbox.count == 2)

        let report = try #require(try alpha.restampUnsynced(centralMillis: world.centralClock.nowMillis()))
        #expect(report.changes == 1 && report.firstSeq == outbox[1].version.seq)
        let taken = try #require(try alpha.outbox().first)
        #expect(taken.version == outbox[0].version)
        try SyncHarness.sync(alpha, with: central)
        let atCentral = try central.read { db in
            try Int64.fetchOne(db, sql: "SELECT hlc FROM change_log WHERE site = ? AND site_seq = ?",
                               arguments: [alpha.identity.siteID, taken.version.seq])
        }
        #expect(atCentral == taken.version.hlc.bitPattern)
        #expect(try central.patient(id: ahead.id).id == ahead.id)
    }

    /// DESIGN §5 rule 6 with a clock 30 days behind: the clinic's edit loses to a later-stamped
    /// edit it never saw, and its value is kept in a conflict at both ends; nothing is lost.
    @Test func editsMadeWithAClockBehindLoseButAreKeptInConflicts() throws {
        let world = try World()
        let alpha = world.alpha, central = world.central
        world.pass(Self.minute)
        _ = try central.setClaimField(world.claim.id, field: .notes, value: "central office note")
        world.clinicClock.advance(byMillis: -30 * Self.day)
        world.pass(Self.minute)
        _ = try alpha.setClaimField(world.claim.id, field: .notes, value: "typed with the clock behind")
        let patient = try alpha.addPatient(PatientInput(firstName: "Behind", lastName: "Clock", dateOfBirth: "1970-01-01",
                                                        sex: "F", memberID: "BC1"))
        try SyncHarness.sync(alpha, with: central)
        for store in [central, alpha] {
            #expect(try store.claim(world.claim.id).notes == "central office note")
            let conflict = try #require(try store.conflicts().first)
            #expect(conflict.loser.value == .text("typed with the clock behind"))
            #expect(try store.patient(id: patient.id).id == patient.id)
        }
        #expect(try alpha.restampUnsynced(centralMillis: world.centralClock.nowMillis()) == nil)
    }
}
