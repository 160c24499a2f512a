import BillingModel


/// The central node's rules for one pushed change (DESIGN §4 "A hostile clinic"), written once
/// as a pure function over values and called by both central backends (SQLite and PostgreSQL):
/// the node trusts nothing in a push beyond what the token proves.
///
/// A backend asks ``lookups(for:)`` which rows' owners it needs, reads them and the few other
/// ``Facts`` from its own state, and hands them to ``verdict(_:clinicID:siteID:facts:)``.
public enum PushScreen {
    /// A synced row, by table and id.
    public struct RowKey: Hashable, Sendable {
        /// The synced table.
        public var table: String
        /// The row id.
        public var id: String

        /// A key from its parts.
        public init(table: String, id: String) {
            self.table = table
            self.id = id
        }
    }

    /// What the node's own state says about one pushed change.
    public struct Facts: Sendable {
        /// The owner of the changed row, `nil` when the node has no such row.
        public var rowOwner: String?
        /// The owners of the rows the change refers to (see ``lookups(for:)``); a row the node
        /// does not have is absent.
        public var referenceOwners: [RowKey: String]
        /// For a re-assertion: the node's lifecycle rank of the claim it protects (`nil` when unknown).
        public var claimLifecycle: Int64?
        /// The node's change-log head: no clinic can have observed past it.
        public var logHead: Int64

        /// Facts from their parts.
        public init(rowOwner: String?, referenceOwners: [RowKey: String] = [:], claimLifecycle: Int64? = nil,
                    logHead: Int64) {
            self.rowOwner = rowOwner
            self.referenceOwners = referenceOwners
            self.claimLifecycle = claimLifecycle
            self.logHead = logHead
        }
    }

    /// The conflict columns that say what a conflict is about and what its sides were: set
    /// once, by its insert (a resolution writes only `status` and `resolution`).
    static let conflictSubject: Set<String> = ["kind", "tbl", "row_id", "field", "winner_value", "winner_version",
                                               "loser_value", "loser_version", "message"]

    /// The rows whose owners ``verdict(_:clinicID:siteID:facts:)`` needs besides the changed row:
    /// each reference the change writes, to a synced table (so a backend may put the table name
    /// in SQL).
    public static func lookups(for change: Change) -> [RowKey] {
        guard let table = SyncedTable.all[change.table] else { return [] }
        let values = change.isRowInsert ? change.rowValues : [change.field: change.value]
        return values.keys.sorted().compactMap { column in
            guard let target = target(of: column, in: table, values: values), let id = values[column]?.textValue,
                  id.utf8.count <= SyncedTable.maxIDLength else { return nil }
            return RowKey(table: target.table, id: id)
        }
    }

    /// The table a reference column points into, and whether central rows are allowed there.
    static func target(of column: String, in table: SyncedTable,
                       values: [String: FieldValue]) -> (table: String, allowsCentral: Bool)? {
        switch table.references[column] {
        case .row(let target, let allowsCentral)?:
            return (target, allowsCentral)
        case .rowOfTableIn(let tableColumn)?:
            guard let name = values[tableColumn]?.textValue, SyncedTable.all[name] != nil else { return nil }
            return (name, false)
        case nil:
            return nil
        }
    }

    /// The refusal of `change`, pushed by `clinicID` from `siteID`, or `nil` when it may go on
    /// to the merge.
    public static func verdict(_ change: Change, clinicID: String, siteID: String, facts: Facts) -> RefusedChange? {
        let seq = change.version.seq
        func refuse(_ reason: ErrorCode, _ message: String) -> RefusedChange {
            RefusedChange(seq: seq, reason: reason, message: message)
        }
        guard change.version.site == siteID else {
            return refuse(.wrongSite, "a change from another site in a push from site \(siteID)")
        }
        guard change.row.utf8.count <= SyncedTable.maxIDLength, change.owner.utf8.count <= SyncedTable.maxIDLength else {
            return refuse(.invalidValue, "a row id or owner longer than \(SyncedTable.maxIDLength) bytes")
        }
        if let author = change.author, author.utf8.count > SyncedTable.maxAuthorLength {
            return refuse(.invalidValue, "an author longer than \(SyncedTable.maxAuthorLength) bytes")
        }
        guard let table = SyncedTable.all[change.table] else {
            return refuse(.unknownTable, "unknown table '\(change.table.prefix(40))'")
        }
        guard table.clinicWritable, change.owner != SyncSchema.centralSite else {
            return refuse(.readOnlyTable, "\(change.table) rows owned by the central office are read-only at clinics")
        }
        guard change.owner == clinicID else {
            return refuse(.outOfScope, "row \(change.row) belongs to \(change.owner), not \(clinicID)")
        }
        if let owner = facts.rowOwner, owner != clinicID {
            return refuse(.outOfScope, "row \(change.row) belongs to another clinic")
        }
        let values = change.isRowInsert ? change.rowValues : [change.field: change.value]
        if change.isRowInsert, let owner = values["owner"], owner != .text(clinicID) {
            return refuse(.outOfScope, "row \(change.row) names another owner")
        }
        for column in values.keys.sorted() {
            guard column != "id", let spec = table.columns[column], let value = values[column] else {
                return refuse(.unknownField, "unknown field \(change.table).\(column.prefix(40))")
            }
            if let problem = table.problem(column: column, spec: spec, value: value)
                ?? table.enumerationProblem(column: column, value: value) {
                return refuse(.invalidValue, problem)
            }
        }
        if !change.isRowInsert {
            if change.field == "owner" { return refuse(.invalidValue, "a row's owner never changes") }
            if facts.rowOwner == nil {
                return refuse(.invalidValue, "change to \(change.table) row \(change.row), which does not exist")
            }
            if table.name == SyncSchema.conflictTable, conflictSubject.contains(change.field) {
                return refuse(.invalidValue, "what a conflict record is about never changes")
            }
        }
        if let refusal = referenceRefusal(change, table: table, values: values, clinicID: clinicID, facts: facts) {
            return refuse(.outOfScope, refusal)
        }
        if table.name == SyncSchema.conflictTable, change.isRowInsert,
           let named = values["tbl"]?.textValue.flatMap({ SyncedTable.all[$0] }),
           let field = values["field"]?.textValue, !named.conflictMayName(field: field) {
            return refuse(.invalidValue, "a conflict record may not name \(named.name).\(field.prefix(40))")
        }
        if table.name == SyncSchema.conflictTable, change.isRowInsert,
           (try? ConflictRecord(id: change.row, rowValues: values.merging(["owner": .text(change.owner)]) { old, _ in old })) == nil {
            return refuse(.invalidValue, "not a conflict record this node can read")
        }
        if let problem = reassertionProblem(change, facts: facts) { return refuse(.invalidValue, problem) }
        if change.observed < 0 || change.observed > facts.logHead {
            return refuse(.invalidValue, "observed cursor \(change.observed) is ahead of this node's log (\(facts.logHead))")
        }
        return nil
    }

    /// Why a reference the change writes leaves the clinic's scope, or `nil`: it must name a row
    /// the node holds, of this clinic (or of the central office where the column allows it).
    static func referenceRefusal(_ change: Change, table: SyncedTable, values: [String: FieldValue], clinicID: String,
                                 facts: Facts) -> String? {
        for column in table.references.keys.sorted() {
            guard let value = values[column], case .text(let id) = value, !id.isEmpty else { continue }
            guard id.utf8.count <= SyncedTable.maxIDLength else { return "\(table.name).\(column) is too long" }
            guard let target = target(of: column, in: table, values: values) else {
                return "\(table.name).\(column) names a row of no known table"
            }
            // A row the node does not hold is no row in scope: it may be another clinic's, not yet
            // pushed (a reference must never reach into a row that arrives later).
            guard let owner = facts.referenceOwners[RowKey(table: target.table, id: id)] else {
                return "\(table.name).\(column) names a \(target.table) row this node does not hold"
            }
            let central = owner == SyncSchema.centralSite
            if owner != clinicID && !(central && target.allowsCentral) {
                return "\(table.name).\(column) names a \(target.table) row outside clinic \(clinicID)'s scope"
            }
        }
        return nil
    }

    /// Why a re-assertion is not one the node's own state supports, or `nil` (not a
    /// re-assertion, or a fair one): it must protect a submission the node holds for that
    /// claim (a lifecycle submitted in its round, no later than the node's).
    static func reassertionProblem(_ change: Change, facts: Facts) -> String? {
        guard let rank = change.reassertedLifecycle else { return nil }
        guard SyncSchema.isCodingChange(table: change.table, field: change.field),
              rank <= SyncedTable.maxLifecycleRank, let claimed = SyncSchema.lifecycle(of: .integer(rank)),
              let held = facts.claimLifecycle, let node = SyncSchema.lifecycle(of: .integer(held)),
              SyncSchema.wasSubmittedInRound(node), SyncSchema.wasSubmittedInRound(claimed),
              claimed.round <= node.round, rank <= held else {
            return "a re-assertion of a submission this node does not hold"
        }
        return nil
    }

    /// The claim whose lifecycle a re-assertion protects: the claim row itself, or the claim of
    /// a service line (the incoming `claim_id`, else `storedClaimID` read by the backend).
    public static func reassertedClaim(of change: Change, storedClaimID: String?) -> String? {
        guard change.isReassertion else { return nil }
        switch change.table {
        case SyncSchema.claimTable: return change.row
        case SyncSchema.serviceLineTable: return change.rowValues[SyncSchema.claimIDField]?.textValue ?? storedClaimID
        default: return nil
        }
    }
}
