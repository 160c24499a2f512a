/// The merge's view of a row, one rule for every backend: each field's current version is
/// that of its latest applied log entry, or of the row insert when that came later (an insert
/// entry resets the fields before it). A backend feeds the row's applied entries in log order
/// (``add(field:version:serverSeq:observed:)``), then asks for each column's state.
public struct RowVersions: Sendable {
    /// The metadata of one write.
    public typealias Meta = (version: Version, serverSeq: Int64?, observed: Int64)

    private var fields: [String: Meta] = [:]
    private var insert: Meta?

    /// Nothing read yet.
    public init() {}

    /// One applied log entry of the row, in log order.
    public mutating func add(field: String, version: Version, serverSeq: Int64?, observed: Int64) {
        if field == SyncSchema.rowInsertField {
            insert = (version, serverSeq, observed)
            fields = [:]
        } else {
            fields[field] = (version, serverSeq, observed)
        }
    }

    /// The state of `column` holding `value`, `nil` when no entry wrote it.
    public func state(of column: String, value: FieldValue) -> FieldState? {
        guard let meta = fields[column] ?? insert else { return nil }
        return FieldState(value: value, version: meta.version, serverSeq: meta.serverSeq, observed: meta.observed)
    }
}
