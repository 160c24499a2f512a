import BillingModel
import Foundation
import GRDB

extension LocalStore {
    /// Compares two releases of `system`, each given by name or id (DESIGN §13): codes added,
    /// deleted, re-described or with a changed billable flag.
    ///
    /// Two set queries in SQLite on the `code_lookup` index (the new release's codes left-joined
    /// to the old one's: added and changed; the old release's codes missing from the new one:
    /// deleted), so the cost grows with the releases' size, not its square. Throws for an unknown
    /// release, a release of another system, or a system without a code list (NCCI PTP, MUE).
    public func diffReleases(system: CodeSystem, from: String, to: String) throws -> CodeDiff {
        guard system.hasCodeList else {
            throw StoreError.invalid(entity: "codes diff", field: "system",
                                     reason: "\(system.cliName) releases hold edits, not a code list; diff icd10cm, cpt, hcpcs, modifier or pos")
        }
        return try read { db in
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = Self.threadCPUNanoseconds()
            let old = try Self.release(named: from, system: system, db)
            let new = try Self.release(named: to, system: system, db)
            var added: [CodeDiff.Code] = []
            var changed: [CodeDiff.Change] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT b.code, b.description, b.billable, a.rowid AS old_rowid,
                       a.description AS old_description, a.billable AS old_billable
                FROM code AS b LEFT JOIN code AS a ON a.code = b.code AND a.release_id = :from
                WHERE b.release_id = :to
                  AND (a.rowid IS NULL OR a.description IS NOT b.description OR a.billable IS NOT b.billable)
                ORDER BY b.code
                """, arguments: ["from": old.id, "to": new.id])
            while let row = try rows.next() {
                let code: String = row["code"]
                if (row["old_rowid"] as Int64?) == nil {
                    added.append(CodeDiff.Code(code: code, display: Self.display(code, system), description: row["description"],
                                               billable: row["billable"]))
                } else {
                    changed.append(CodeDiff.Change(code: code, display: Self.display(code, system),
                                                   oldDescription: row["old_description"], newDescription: row["description"],
                                                   oldBillable: row["old_billable"], newBillable: row["billable"]))
                }
            }
            let deleted = try Self.codes(in: old.id, notIn: new.id, system: system, db)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            let cpu = Double(Self.threadCPUNanoseconds() - cpuStart) / 1_000_000
            return CodeDiff(system: system, from: old, to: new, added: added, deleted: deleted, changed: changed,
                            elapsedMilliseconds: elapsed, cpuMilliseconds: cpu)
        }
    }

    /// The codes release `id` lists that release `other` does not, by code: a scan of the
    /// `code_lookup` index alone, reading only the rows it returns.
    static func codes(in id: String, notIn other: String, system: CodeSystem, _ db: Database) throws -> [CodeDiff.Code] {
        try Row.fetchAll(db, sql: """
            SELECT b.code, b.description, b.billable FROM code AS b INDEXED BY code_lookup
            WHERE b.release_id = :id
              AND NOT EXISTS (SELECT 1 FROM code AS a WHERE a.code = b.code AND a.release_id = :other)
            ORDER BY b.code
            """, arguments: ["id": id, "other": other]).map { row in
            let code: String = row["code"]
            return CodeDiff.Code(code: code, display: display(code, system), description: row["description"],
                                 billable: row["billable"])
        }
    }

    /// The CPU time this thread has used, in nanoseconds: what the diff costs, apart from the
    /// time a busy machine keeps it waiting.
    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private static func display(_ code: String, _ system: CodeSystem) -> String {
        system == .icd10cm ? DiagnosisCode.display(code) : code
    }
}
