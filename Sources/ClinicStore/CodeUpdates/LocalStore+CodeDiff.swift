import BillingModel
import Foundation
import GRDB

extension LocalStore {
    /// Compares two releases of `system`, each given by name or id (DESIGN §13): codes added,
    /// deleted, re-described or with a changed billable flag.
    ///
    /// Three set queries in SQLite (each release's codes joined on the `code_lookup` index), so
    /// the cost grows with the releases' size, not its square. Throws for an unknown release,
    /// a release of another system, or a system without a code list (NCCI PTP, MUE).
    public func diffReleases(system: CodeSystem, from: String, to: String) throws -> CodeDiff {
        guard system.hasCodeList else {
            throw StoreError.invalid(entity: "codes diff", field: "system",
                                     reason: "\(system.cliName) releases hold edits, not a code list; diff icd10cm, cpt, hcpcs, modifier or pos")
        }
        return try read { db in
            let start = DispatchTime.now().uptimeNanoseconds
            let old = try Self.release(named: from, system: system, db)
            let new = try Self.release(named: to, system: system, db)
            let added = try Self.codes(in: new.id, notIn: old.id, system: system, db)
            let deleted = try Self.codes(in: old.id, notIn: new.id, system: system, db)
            let changed = try Row.fetchAll(db, sql: """
                SELECT b.code, a.description AS old_description, b.description AS new_description,
                       a.billable AS old_billable, b.billable AS new_billable
                FROM code AS b JOIN code AS a ON a.code = b.code AND a.release_id = :from
                WHERE b.release_id = :to AND (a.description IS NOT b.description OR a.billable IS NOT b.billable)
                ORDER BY b.code
                """, arguments: ["from": old.id, "to": new.id]).map { row in
                let code: String = row["code"]
                return CodeDiff.Change(code: code, display: Self.display(code, system), oldDescription: row["old_description"],
                                       newDescription: row["new_description"], oldBillable: row["old_billable"],
                                       newBillable: row["new_billable"])
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            return CodeDiff(system: system, from: old, to: new, added: added, deleted: deleted, changed: changed,
                            elapsedMilliseconds: elapsed)
        }
    }

    /// The codes release `id` lists that release `other` does not, by code.
    static func codes(in id: String, notIn other: String, system: CodeSystem, _ db: Database) throws -> [CodeDiff.Code] {
        try Row.fetchAll(db, sql: """
            SELECT b.code, b.description, b.billable FROM code AS b
            WHERE b.release_id = :id
              AND NOT EXISTS (SELECT 1 FROM code AS a WHERE a.code = b.code AND a.release_id = :other)
            ORDER BY b.code
            """, arguments: ["id": id, "other": other]).map { row in
            let code: String = row["code"]
            return CodeDiff.Code(code: code, display: display(code, system), description: row["description"],
                                 billable: row["billable"])
        }
    }

    private static func display(_ code: String, _ system: CodeSystem) -> String {
        system == .icd10cm ? DiagnosisCode.display(code) : code
    }
}
