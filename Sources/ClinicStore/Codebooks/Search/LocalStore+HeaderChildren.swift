import BillingModel
import GRDB

extension LocalStore {
    /// The billable codes under a header `match` in its release (the codes starting with it),
    /// the first `limit` of them listed; `nil` when `match` is billable.
    public func billableChildren(of match: CodeMatch, limit: Int = 20) throws -> HeaderChildren? {
        guard !match.billable, let last = match.code.unicodeScalars.last else { return nil }
        let upper = String(match.code.dropLast()) + String(UnicodeScalar(last.value + 1)!)
        return try read { db in
            let codes = try String.fetchAll(db, sql: """
                SELECT c.code FROM code AS c JOIN code_release AS r ON r.id = c.release_id
                WHERE c.code > ? AND c.code < ? AND c.billable = 1 AND r.system = ? AND r.name = ?
                ORDER BY c.code
                """, arguments: [match.code, upper, match.system.rawValue, match.release])
            let display: (String) -> String = { match.system == .icd10cm ? DiagnosisCode.display($0) : $0 }
            return HeaderChildren(header: match.display, release: match.release,
                                  children: codes.prefix(max(0, limit)).map(display), total: codes.count)
        }
    }
}
