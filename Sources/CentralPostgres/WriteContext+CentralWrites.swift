import ClinicStore
import SyncModel

extension WriteContext {
    /// Writes fields as the central site's own changes in this transaction, recorded as the
    /// SQLite store's capture triggers record an `UPDATE`: a field that already holds the value
    /// makes no change, and a row that does not exist is left alone. Each change carries the
    /// transaction's clock with its own server sequence (so later writes of the transaction
    /// order after earlier ones), the field's current version as the one it replaced, and the
    /// log head at the start as what it observed. Returns the server sequences it handed out.
    ///
    /// Throws `StoreError.invalid` for a table or field that is not synced, or a value its
    /// column refuses; the caller's transaction then changes nothing.
    @discardableResult
    func writeCentral(_ writes: [FieldWrite], entity: String) async throws -> [Int64] {
        var seqs: [Int64] = []
        for write in writes {
            guard let table = SyncedTable.all[write.table], write.field != "id", write.field != "owner",
                  table.columns[write.field] != nil else {
                throw StoreError.invalid(entity: entity, field: write.field, reason: "names an unknown field")
            }
            if let problem = table.problem(column: write.field, value: write.value) {
                throw StoreError.invalid(entity: entity, field: write.field, reason: problem)
            }
            guard let values = try await SyncedRows.values(of: table, row: write.row, in: self),
                  let owner = values["owner"]?.textValue, values[write.field] != write.value else { continue }
            let current = try await PostgresRowStates.load(table: table, row: write.row, in: self)[write.field]
            try await SyncedRows.update(table.name, row: write.row, column: write.field, to: write.value, in: self)
            let change = Change.field(table: table.name, row: write.row, owner: owner, field: write.field, value: write.value,
                                      version: Version(hlc: HLC(bitPattern: hlc), site: siteID, seq: head + 1),
                                      replaced: current?.version, observed: observed, author: author)
            seqs.append(try await LogEntry.append(change, in: self))
        }
        return seqs
    }
}
