/// Rolling upgrades (DESIGN §4): the central office upgrades first and clinics over days, so a
/// node at version N serves clinics at N and N−1. It sends them only the tables and fields
/// their version knows (a row insert's values trimmed to the columns they know) and accepts
/// their pushes; two or more versions behind, or newer than the node, gets the error.
extension SyncCatalogue {
    /// The oldest wire schema version ever shipped.
    public static let firstVersion = 1
    /// How many versions behind the node a clinic may be and still sync.
    public static let versionsServedBehind = 1

    /// The oldest clinic version a node at `node` serves.
    public static func oldestServed(by node: Int) -> Int {
        max(firstVersion, node - versionsServedBehind)
    }

    /// Why a node at `node` does not serve a clinic at `client`, or `nil` when it does.
    public static func mismatch(client: Int, node: Int) -> SchemaVersionMismatch? {
        let oldest = oldestServed(by: node)
        return (client >= oldest && client <= node) ? nil
            : SchemaVersionMismatch(client: client, node: node, oldestServed: oldest)
    }

    /// Throws the ``ErrorBody`` a clinic at `client` gets from this catalogue's node when it
    /// is not served: the whole-request check of every push and pull.
    public func checkServes(client: Int) throws(ErrorBody) {
        if let mismatch = Self.mismatch(client: client, node: version) { throw ErrorBody(mismatch) }
    }

    /// The catalogue as a clinic at `version` knows it: the tables and columns that had
    /// arrived by then.
    public func known(at version: Int) -> SyncCatalogue {
        guard version < self.version else { return self }
        let tables = self.tables.values.filter { $0.since <= version }.map { $0.known(at: version) }
        return SyncCatalogue(version: version, tables: tables)
    }

    /// `change` as a clinic at `version` may receive it: `nil` when its table or field arrived
    /// later; a row insert with only the values of columns it knows.
    public func trimmed(_ change: Change, for version: Int) -> Change? {
        guard version < self.version else { return change }
        guard let table = tables[change.table], table.since <= version else { return nil }
        if change.isRowInsert {
            var trimmed = change
            trimmed.rowValues = change.rowValues.filter { (table.column($0.key)?.since ?? Int.max) <= version }
            return trimmed
        }
        guard let column = table.column(change.field), column.since <= version else { return nil }
        return change
    }

    /// A pull page as a clinic at `version` may receive it: changes trimmed (or left out, see
    /// ``trimmed(_:for:)``); the cursor, `has_more` and the clock unchanged, so the clinic's
    /// cursor still moves past what it was not sent.
    public func trimmed(_ page: PullResponse, for version: Int) -> PullResponse {
        guard version < self.version else { return page }
        var trimmed = page
        trimmed.changes = page.changes.compactMap { self.trimmed($0, for: version) }
        return trimmed
    }
}

extension SyncedTable {
    /// This table as a clinic at `version` knows it: only the columns that had arrived by then.
    func known(at version: Int) -> SyncedTable {
        func known(_ name: String) -> Bool { (column(name)?.since ?? Int.max) <= version }
        let declared = catalogueColumns.dropFirst().dropLast().filter { $0.since <= version }
        return SyncedTable(name: name, columns: Array(declared), writers: writers, codingFields: codingFields,
                           mergePolicy: mergePolicy, indexes: indexes.filter { $0.columns.allSatisfy(known) },
                           since: since)
    }
}
