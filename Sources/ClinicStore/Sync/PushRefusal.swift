import GRDB

/// A local change the central node refused, as the clinic keeps it: what it touched and why.
///
/// The change itself stays in this store (nothing a user typed is lost); the row differs from
/// the central copy until someone corrects it here with a new edit, which syncs as usual.
public struct PushRefusal: Codable, Sendable, Equatable {
    /// The change's local log sequence.
    public var seq: Int64
    /// The synced table (`claim`, `service_line` ...).
    public var table: String
    /// The row id.
    public var row: String
    /// The field, or `*` for a whole new row.
    public var field: String
    /// Why, as the wire's error code (`invalid_value`, `out_of_scope` ...).
    public var reason: String
    /// Why, as one line for people (never patient data).
    public var message: String
    /// When the central node's answer was recorded, in milliseconds since 1970.
    public var refusedAtMillis: Int64
}

extension LocalStore {
    /// Clinic: the changes the central node refused, oldest first (``SyncStatus/refusedChanges`` counts them).
    public func pushRefusals() throws -> [PushRefusal] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.seq, c.tbl, c.row_id, c.field, r.code, r.message, r.refused_at
                FROM push_refusal AS r JOIN change_log AS c ON c.seq = r.seq
                ORDER BY r.seq
                """).map { row in
                PushRefusal(seq: row[0], table: row[1], row: row[2], field: row[3], reason: row[4], message: row[5],
                            refusedAtMillis: row[6])
            }
        }
    }
}
