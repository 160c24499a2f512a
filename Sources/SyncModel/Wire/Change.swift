/// One captured change, as it travels between sites and as the merge reads it (DESIGN §3).
///
/// Either a field change (``field`` is a column name and ``value`` its new value) or a row
/// insert (``field`` is ``SyncSchema/rowInsertField`` `"*"` and ``rowValues`` holds every
/// column). Keyed by (``Version/site``, ``Version/seq``), which is how duplicates are found.
/// JSON: see `Change+Codable.swift`.
public struct Change: Hashable, Sendable {
    /// The synced table, e.g. `claim`.
    public var table: String
    /// The row's id (a UUID string).
    public var row: String
    /// The row's owner: a clinic id, or ``SyncSchema/centralSite`` for reference data.
    public var owner: String
    /// The column changed, or `"*"` for a row insert.
    public var field: String
    /// The new value of a field change (`.null` for a row insert).
    public var value: FieldValue
    /// Column → value of a row insert (empty for a field change).
    public var rowValues: [String: FieldValue]
    /// Who wrote it and when: clock, site and the site's sequence number.
    public var version: Version
    /// The version of the value this change replaced at its writer (`nil` when the field had
    /// none): the base of three-way conflict detection.
    public var replaced: Version?
    /// The highest central server sequence the writer had seen when it wrote: a clinic's pull
    /// cursor; for a change written at the central node, its own log head.
    public var observed: Int64
    /// The sequence the central node gave this change; set on every change the central node
    /// logged (so on every pulled change), `nil` on a clinic's change not yet pushed.
    public var serverSeq: Int64?
    /// Who typed it, for the audit trail (`nil` for system writes).
    public var author: String?
    /// For a replica's re-assertion after a parked edit (see ``Reassertion``): the rank of the
    /// submitted claim lifecycle it protects. A re-assertion is not parked by a replica whose
    /// claim is submitted in that round (or an earlier one); `nil` for every other change.
    public var reassertedLifecycle: Int64?

    /// A change from all its parts; prefer ``field(table:row:owner:field:value:version:replaced:observed:author:)``
    /// and ``insert(table:row:owner:values:version:observed:author:)``.
    public init(table: String, row: String, owner: String, field: String, value: FieldValue = .null,
                rowValues: [String: FieldValue] = [:], version: Version, replaced: Version? = nil,
                observed: Int64, serverSeq: Int64? = nil, author: String? = nil, reassertedLifecycle: Int64? = nil) {
        self.table = table
        self.row = row
        self.owner = owner
        self.field = field
        self.value = value
        self.rowValues = rowValues
        self.version = version
        self.replaced = replaced
        self.observed = observed
        self.serverSeq = serverSeq
        self.author = author
        self.reassertedLifecycle = reassertedLifecycle
    }

    /// A field change.
    public static func field(table: String, row: String, owner: String, field: String, value: FieldValue,
                             version: Version, replaced: Version?, observed: Int64,
                             author: String? = nil) -> Change {
        Change(table: table, row: row, owner: owner, field: field, value: value, version: version,
               replaced: replaced, observed: observed, author: author)
    }

    /// A row insert: every column of the new row in one change.
    public static func insert(table: String, row: String, owner: String, values: [String: FieldValue],
                              version: Version, observed: Int64, author: String? = nil) -> Change {
        Change(table: table, row: row, owner: owner, field: SyncSchema.rowInsertField, rowValues: values,
               version: version, observed: observed, author: author)
    }

    /// Whether this is a re-assertion (``reassertedLifecycle`` is set).
    public var isReassertion: Bool { reassertedLifecycle != nil }

    /// Whether this is a row insert (`field == "*"`).
    public var isRowInsert: Bool { field == SyncSchema.rowInsertField }

    /// Whether this change tombstones its row (`deleted` set to 1).
    public var isDeletion: Bool { field == SyncSchema.deletedField && value == .integer(1) }

    /// The key duplicates are found by: the writer's site and sequence.
    public var key: ChangeKey { ChangeKey(site: version.site, seq: version.seq) }

    /// A row insert seen as one field change per column (same version, nothing replaced),
    /// which is how an insert merges into a row that already exists. A field change returns itself.
    public var fieldChanges: [Change] {
        guard isRowInsert else { return [self] }
        return rowValues.keys.sorted().map { column in
            var change = self
            change.field = column
            change.value = rowValues[column] ?? .null
            change.rowValues = [:]
            change.replaced = nil
            return change
        }
    }
}

/// A change's identity across sites: its writer's site id and that site's sequence number.
public struct ChangeKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The writer's site id.
    public var site: String
    /// The writer's sequence number.
    public var seq: Int64

    /// A key from its two parts.
    public init(site: String, seq: Int64) {
        self.site = site
        self.seq = seq
    }

    /// `site#seq`.
    public var description: String { "\(site)#\(seq)" }
}
