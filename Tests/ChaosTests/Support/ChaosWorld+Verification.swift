import ClinicStore
import SyncModel
import Foundation

/// What the end-of-test checks found; every count but `delivered` must be zero.
struct DeliveryReport: CustomStringConvertible {
    /// Local changes of the clinic sites, each found exactly once at the central node.
    var delivered = 0
    /// Local changes missing at the central node.
    var lost: [String] = []
    /// (site, sequence) pairs applied more than once in some store: a field logged twice under
    /// one sequence, or a row insert logged whole (`*`) and again. A row insert that meets a row
    /// already there (a conflict record both ends created, with its deterministic id) is merged
    /// field by field and logged once per field under its one sequence: one application.
    var appliedTwice: [String] = []
    /// Rows that differ between the central node and a site of their clinic.
    var diverged: [String] = []
    /// Changes left in an outbox, or refused.
    var stranded: [String] = []
    /// Stores whose `PRAGMA integrity_check` is not `ok`.
    var damaged: [String] = []

    var isClean: Bool { lost.isEmpty && appliedTwice.isEmpty && diverged.isEmpty && stranded.isEmpty && damaged.isEmpty }

    var description: String {
        "delivered \(delivered); lost \(lost.count) \(lost.prefix(5)); applied twice \(appliedTwice.count) \(appliedTwice.prefix(5)); "
            + "diverged \(diverged.prefix(5)); stranded \(stranded.prefix(5)); damaged \(damaged)"
    }
}

extension ChaosWorld {
    /// DESIGN §8 after recovery: every local change of every site is at the central node exactly
    /// once, no store logs a change twice, each clinic's rows are the same at the central node and
    /// at each of its sites, outboxes are empty, nothing was refused, every file is sound.
    func verify() throws -> DeliveryReport {
        var report = DeliveryReport()
        for site in sites {
            let siteID = site.store.identity.siteID
            let own = try StoreProbe.rows(site.path, "SELECT seq FROM change_log WHERE site = ? AND site_seq IS NULL",
                                          [siteID]).map { $0[0] }
            let atCentral = try StoreProbe.rows(centralPath, "SELECT site_seq FROM change_log WHERE site = ?",
                                                [siteID]).map { $0[0] }
            let centralSet = Set(atCentral)
            report.lost += own.filter { !centralSet.contains($0) }.map { "\(site.name)#\($0)" }
            report.delivered += own.count - own.filter { !centralSet.contains($0) }.count
            let status = try site.store.syncStatus()
            if status.outbox > 0 { report.stranded.append("\(site.name): \(status.outbox) in the outbox") }
            if status.refusedChanges > 0 { report.stranded.append("\(site.name): \(status.refusedChanges) refused") }
        }
        for path in [centralPath] + sites.map(\.path) {
            let name = URL(fileURLWithPath: path).lastPathComponent
            report.appliedTwice += try StoreProbe.loggedTwice(path, name: name)
            let integrity = try StoreProbe.integrity(path)
            if integrity != "ok" { report.damaged.append("\(name): \(integrity)") }
        }
        for site in sites {
            for table in SyncedTable.all.keys.sorted() {
                let sql = "SELECT * FROM \(table) WHERE owner = ? ORDER BY id"
                let there = try StoreProbe.rows(centralPath, sql, [site.clinic])
                let here = try StoreProbe.rows(site.path, sql, [site.clinic])
                if there != here {
                    report.diverged.append("\(table) at \(site.name): \(here.count) rows, central \(there.count)")
                }
            }
            let foreign = try StoreProbe.int(site.path, """
                SELECT (SELECT count(*) FROM patient WHERE owner NOT IN (?, 'central'))
                     + (SELECT count(*) FROM claim WHERE owner NOT IN (?, 'central'))
                """, [site.clinic, site.clinic])
            if foreign > 0 { report.diverged.append("\(site.name) holds \(foreign) rows of another clinic") }
        }
        return report
    }
}
