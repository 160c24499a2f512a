/// How concurrent writes of one field combine (DESIGN §5).
public enum MergePolicy: String, Hashable, Sendable, Codable {
    /// The greatest version wins; a concurrent edit with a different value is a conflict.
    case lastWriterWins
    /// The greatest value wins (then the greatest version); never a conflict. For fields that
    /// only move forward: `claim.lifecycle` (a ``BillingModel/ClaimLifecycle`` rank) and
    /// `conflict.status` (0 open < 1 resolved).
    case maximum
    /// The greatest version wins and nothing is reported: for bookkeeping records (conflict
    /// records) that two replicas may write independently about the same fact.
    case silentLastWriterWins

    /// The policy of `table.field`, as the catalogue declares it (``SyncedTable/policy(of:)``);
    /// last writer wins for a table the catalogue does not know.
    public static func `for`(table: String, field: String) -> MergePolicy {
        SyncedTable.all[table]?.policy(of: field) ?? .lastWriterWins
    }
}
