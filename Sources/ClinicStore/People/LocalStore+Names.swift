import GRDB

extension LocalStore {
    /// What a person calls a synced row, for human output (ids stay in `--json`):
    /// a patient `Doe, Jane`, a payer `Demo Health Plan (PAYER01)`, a provider
    /// `Alpha Family Practice (NPI 1234567893)`, a claim `claim C000001`, a line
    /// `claim C000001 line 2`; `nil` for a row this store does not hold.
    public func rowLabel(table: String, row: String) throws -> String? {
        try read { db in
            switch table {
            case "patient":
                return try Row.fetchOne(db, sql: "SELECT last_name, first_name FROM patient WHERE id = ?", arguments: [row])
                    .map { "\($0["last_name"] as String), \($0["first_name"] as String)" }
            case "payer":
                return try Row.fetchOne(db, sql: "SELECT name, payer_id FROM payer WHERE id = ? OR payer_id = ? ORDER BY id = ? DESC",
                                        arguments: [row, row, row])
                    .map { "\($0["name"] as String) (\($0["payer_id"] as String))" }
            case "provider":
                return try Row.fetchOne(db, sql: "SELECT name, npi FROM provider WHERE id = ? OR npi = ? ORDER BY id = ? DESC",
                                        arguments: [row, row, row])
                    .map { "\($0["name"] as String) (NPI \($0["npi"] as String))" }
            case "claim":
                return try String.fetchOne(db, sql: "SELECT claim_number FROM claim WHERE id = ?", arguments: [row])
                    .map { "claim \($0)" }
            case "service_line":
                return try Row.fetchOne(db, sql: """
                    SELECT c.claim_number, l.line_number FROM service_line AS l JOIN claim AS c ON c.id = l.claim_id WHERE l.id = ?
                    """, arguments: [row])
                    .map { "claim \($0["claim_number"] as String) line \($0["line_number"] as Int)" }
            default:
                return nil
            }
        }
    }
}
