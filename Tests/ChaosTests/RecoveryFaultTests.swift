import CLITesting
import ClinicStore
import Foundation
import Synchronization
import Testing

/// Issue 28's faults among random work and syncs (some of them SIGKILLed): a clinic store
/// restored from an older backup, the central store restored from an older backup, and a store
/// copied to a second computer where both copies keep working. Seeded rounds; every fault kind
/// happens at least once. After the last round the stores sync to quiescence; nothing may be lost,
/// applied twice, or differ between replicas. `CLINICSYNC_CHAOS_SEED` replays a run,
/// `CLINICSYNC_RECOVERY_ROUNDS` (default 16) sets its length.
@Suite(.timeLimit(.minutes(15))) struct RecoveryFaultTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["CLINICSYNC_CHAOS_SEED"].flatMap(UInt64.init) ?? 20_261_202
    static let rounds = max(6, environment["CLINICSYNC_RECOVERY_ROUNDS"].flatMap(Int.init) ?? 16)

    enum Fault: Int, CaseIterable {
        case clinicRestored, centralRestored, copiedStore
    }

    @Test func restoredAndCopiedStoresAndARestoredCentralNodeLoseNothing() throws {
        var random = SeededRandom(state: Self.seed)
        let world = try RecoveryWorld.start()
        defer { world.stop() }
        var claims: [String: [String]] = [:]
        for site in world.sites {
            claims[site.clinic] = [try world.with(site) { try Workload.seedClaim(at: $0, tag: site.name) }]
            try world.run(["sync", "--store", site.path])
        }
        var clinicBackups: [String: (file: String, site: String)] = [:]
        var centralBackup: String?
        var happened: [Fault: Int] = [:], clientKills = 0, backups = 0

        func fault(_ kind: Fault, round: Int) throws {
            switch kind {
            case .clinicRestored:
                // A backup of this store's current site, taken some rounds ago, is put back.
                let candidates = try world.sites.filter { site in
                    guard let backup = clinicBackups[site.name] else { return false }
                    return try backup.site == world.siteID(of: site)
                }
                guard !candidates.isEmpty else { return }
                let site = candidates[Int(random.next() % UInt64(candidates.count))]
                try world.restore(site, from: clinicBackups[site.name]!.file)
                clinicBackups[site.name] = nil
                // Not two disasters in one: the central store is not put back to before this store's
                // last pushes, which, after its disk failed, the central node alone holds.
                centralBackup = nil
            case .centralRestored:
                guard let backup = centralBackup else { return }
                try world.restoreCentral(from: backup)
                centralBackup = nil
            case .copiedStore:
                guard world.sites.count < 4 else { return }
                let source = world.sites[Int(random.next() % UInt64(world.sites.count))]
                _ = try world.copy(source, as: "\(source.name)-copy\(round)")
            }
            happened[kind, default: 0] += 1
        }

        for round in 0..<Self.rounds {
            for _ in 0..<Int(random.next() % 12) {
                let site = world.sites[Int(random.next() % UInt64(world.sites.count))]
                try world.with(site) { try Workload.randomEdit(at: $0, claims: claims[site.clinic]!, random: &random, tag: "\(site.name)-\(round)") }
            }
            // Backups are taken now and then: of a clinic store, or of the central store while it serves.
            if random.next() % 3 == 0 {
                let site = world.sites[Int(random.next() % UInt64(world.sites.count))]
                clinicBackups[site.name] = (try world.backup(site.path, tag: "r\(round)"), try world.siteID(of: site))
                backups += 1
            }
            if centralBackup == nil, random.next() % 3 == 0 {
                centralBackup = try world.backup(world.centralPath, tag: "r\(round)")
                backups += 1
            }
            // A fault: chosen at random, or the one not yet seen in the last rounds.
            let unseen = Fault.allCases.filter { happened[$0] == nil }
            if round >= Self.rounds - 3, let kind = unseen.first {
                if kind == .clinicRestored, clinicBackups.isEmpty, let site = world.sites.first {
                    clinicBackups[site.name] = (try world.backup(site.path, tag: "r\(round)"), try world.siteID(of: site))
                    try world.with(site) { try Workload.randomEdit(at: $0, claims: claims[site.clinic]!, random: &random, tag: "late") }
                    try world.run(["sync", "--store", site.path])
                }
                if kind == .centralRestored, centralBackup == nil {
                    centralBackup = try world.backup(world.centralPath, tag: "r\(round)")
                    try world.run(["sync", "--store", world.sites[0].path])
                }
                try fault(kind, round: round)
            } else if random.next() % 3 == 0 {
                try fault(Fault.allCases[Int(random.next() % 3)], round: round)
            }
            // A sync, killed now and then.
            let site = world.sites[Int(random.next() % UInt64(world.sites.count))]
            let sync = try world.startSync(site)
            if random.next() % 4 == 0 {
                usleep(UInt32(random.next() % 300_000))
                let exit = sync.kill9()
                if exit.wasKilled { clientKills += 1 } else { #expect(exit.succeeded, "seed \(Self.seed), round \(round): \(exit)") }
            } else {
                let exit = sync.wait(timeout: 60)
                #expect(exit.succeeded, "seed \(Self.seed), round \(round): \(exit)")
            }
        }

        for kind in Fault.allCases { #expect(happened[kind, default: 0] > 0, "seed \(Self.seed): fault \(kind) never happened") }
        try world.settle()
        let report = try world.verify()
        #expect(report.isClean, "seed \(Self.seed): \(report)")
        #expect(report.delivered > 0)
        ChaosFigures.report("recovery faults, seed \(Self.seed), \(Self.rounds) rounds", [
            "clinic_restores": happened[.clinicRestored, default: 0], "central_restores": happened[.centralRestored, default: 0],
            "copied_stores": happened[.copiedStore, default: 0], "backups": backups, "client_kills_mid_sync": clientKills,
            "changes_delivered": report.delivered, "data_lost": report.lost.count, "applied_twice": report.appliedTwice.count,
            "stale_central_conflicts_at_clinics": report.staleConflicts,
        ])
    }

    /// `clinicsync backup` while a coder keeps writing: every copy opens as a store and passes
    /// `PRAGMA integrity_check`, and is readable by its owner only.
    @Test func backupsTakenDuringWritesAreSoundStores() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-backup-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("alpha.sqlite").path
        let store = try LocalStore.create(at: path, role: .clinic, clinicID: "alpha")
        let claim = try Workload.seedClaim(at: store, tag: "live")
        // The coder writes on a thread of its own while the backups run.
        let stop = Atomic<Bool>(false), writes = Atomic<Int>(0)
        let done = DispatchSemaphore(value: 0)
        let writer = Thread {
            var random = SeededRandom(state: 7)
            var count = 0
            while !stop.load(ordering: .relaxed) {
                do {
                    try Workload.randomEdit(at: store, claims: [claim], random: &random, tag: "live")
                    if count % 20 == 0 { try Workload.addPatients(200, at: store, tag: "bulk-\(count)") }
                } catch {
                    break
                }
                count += 1
                writes.store(count, ordering: .relaxed)
            }
            done.signal()
        }
        writer.start()
        while writes.load(ordering: .relaxed) < 3 { usleep(1_000) }
        var patientsSeen: [Int] = []
        for index in 0..<6 {
            let file = folder.appendingPathComponent("alpha-\(index).bak").path
            let exit = try Clinicsync.run(["backup", file, "--store", path], in: folder)
            try #require(exit.succeeded, "\(exit)")
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
            #expect(try StoreProbe.integrity(file) == "ok")
            let copy = try LocalStore.open(at: file)
            #expect(try copy.integrityCheck() == "ok")
            patientsSeen.append(try StoreProbe.int(file, "SELECT count(*) FROM patient"))
            usleep(50_000)
        }
        stop.store(true, ordering: .relaxed)
        done.wait()
        #expect(writes.load(ordering: .relaxed) > 3)
        // The copies were taken while the store grew.
        #expect(patientsSeen.first! < patientsSeen.last!, "\(patientsSeen)")
        let again = try Clinicsync.run(["backup", folder.appendingPathComponent("alpha-0.bak").path, "--store", path], in: folder)
        #expect(again.refused("already exists"), "\(again)")
    }
}
