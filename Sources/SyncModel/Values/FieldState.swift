/// What a replica holds for one field of one row: the value and the metadata of the write
/// that produced it, which the merge needs to order and to detect conflicts.
public struct FieldState: Hashable, Sendable, Codable {
    /// The current value.
    public var value: FieldValue
    /// The version of the write that produced it.
    public var version: Version
    /// The central server sequence of that write, when this replica knows it (the central
    /// node always does; a clinic learns it from the push reply or from the pull).
    public var serverSeq: Int64?
    /// The writer's ``Change/observed`` when it made that write.
    public var observed: Int64

    /// A field state from its parts.
    public init(value: FieldValue, version: Version, serverSeq: Int64? = nil, observed: Int64) {
        self.value = value
        self.version = version
        self.serverSeq = serverSeq
        self.observed = observed
    }

    /// The state a field change leaves behind when it is applied.
    public init(applying change: Change) {
        self.init(value: change.value, version: change.version, serverSeq: change.serverSeq,
                  observed: change.observed)
    }

    /// The state one column of a row insert leaves behind when it is applied
    /// (`.null` when the insert has no such column).
    public init(applying change: Change, column: String) {
        self.init(value: change.rowValues[column] ?? .null, version: change.version,
                  serverSeq: change.serverSeq, observed: change.observed)
    }

    private enum CodingKeys: String, CodingKey {
        case value, version, serverSeq = "server_seq", observed
    }
}
