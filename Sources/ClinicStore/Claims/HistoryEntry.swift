/// One captured change in a claim's audit trail: who changed what, where and when.
public struct HistoryEntry: Codable, Sendable, Equatable {
    /// Position in this store's change log.
    public var seq: Int64
    /// When, by the writer's hybrid logical clock (milliseconds since 1970).
    public var atMillis: Int64
    /// Who typed it, as recorded by the writing site.
    public var author: String?
    /// The site (clinic or central replica) that wrote it.
    public var site: String
    /// `claim` or `service_line`.
    public var table: String
    /// The UUID of the changed claim or service-line row.
    public var rowID: String
    /// The line number, for a service-line change.
    public var lineNumber: Int?
    /// The field, or `*` when the row was created.
    public var field: String
    /// The new value as text (a JSON object for a created row).
    public var value: String?
    /// Whether the change took effect here; `false` for a change merged away (it lost to a
    /// newer one, or was parked), whose value lives on in a conflict record.
    public var applied: Bool
    /// When the change was first stamped, if its stamp was later replaced because this store's
    /// clock had run ahead (issue 27); ``atMillis`` is then the new stamp.
    public var restampedFromMillis: Int64?

    /// Creates an entry (the SQLite store reads its own log; the PostgreSQL node feeds its log's rows).
    public init(seq: Int64, atMillis: Int64, author: String?, site: String, table: String, rowID: String, lineNumber: Int?,
                field: String, value: String?, applied: Bool, restampedFromMillis: Int64?) {
        self.seq = seq
        self.atMillis = atMillis
        self.author = author
        self.site = site
        self.table = table
        self.rowID = rowID
        self.lineNumber = lineNumber
        self.field = field
        self.value = value
        self.applied = applied
        self.restampedFromMillis = restampedFromMillis
    }

    enum CodingKeys: String, CodingKey {
        case seq, atMillis = "at_millis", author, site, table, rowID = "row_id", lineNumber = "line_number", field, value, applied
        case restampedFromMillis = "restamped_from_millis"
    }
}
