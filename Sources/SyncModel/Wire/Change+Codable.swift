/// The JSON form of a change: flat, snake_case, optional keys left out.
///
/// ```json
/// {"table":"claim","row":"0190…","owner":"clinic-a","field":"notes","value":"call payer",
///  "hlc":112589990684262400,"site":"clinic-a","seq":7,
///  "replaced":{"hlc":112589990684000000,"site":"central","seq":3},
///  "observed":40,"server_seq":41,"author":"kim"}
/// ```
/// A row insert has `"field":"*"` and `"row_values":{column: scalar, …}` instead of `value`.
/// `reasserted_lifecycle` (an integer lifecycle rank) appears only on a re-assertion.
extension Change: Codable {
    private enum CodingKeys: String, CodingKey {
        case table, row, owner, field, value
        case rowValues = "row_values"
        case hlc, site, seq, replaced, observed
        case serverSeq = "server_seq"
        case author
        case reassertedLifecycle = "reasserted_lifecycle"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        table = try container.decode(String.self, forKey: .table)
        row = try container.decode(String.self, forKey: .row)
        owner = try container.decode(String.self, forKey: .owner)
        field = try container.decode(String.self, forKey: .field)
        if field == SyncSchema.rowInsertField {
            value = .null
            rowValues = try container.decode([String: FieldValue].self, forKey: .rowValues)
        } else {
            guard container.contains(.value) else {
                throw DecodingError.keyNotFound(CodingKeys.value, .init(
                    codingPath: container.codingPath,
                    debugDescription: "a field change needs a value (null is allowed)"))
            }
            value = try container.decode(FieldValue.self, forKey: .value)
            rowValues = [:]
        }
        version = Version(hlc: try container.decode(HLC.self, forKey: .hlc),
                          site: try container.decode(String.self, forKey: .site),
                          seq: try container.decode(Int64.self, forKey: .seq))
        replaced = try container.decodeIfPresent(Version.self, forKey: .replaced)
        observed = try container.decode(Int64.self, forKey: .observed)
        serverSeq = try container.decodeIfPresent(Int64.self, forKey: .serverSeq)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        reassertedLifecycle = try container.decodeIfPresent(Int64.self, forKey: .reassertedLifecycle)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(table, forKey: .table)
        try container.encode(row, forKey: .row)
        try container.encode(owner, forKey: .owner)
        try container.encode(field, forKey: .field)
        if isRowInsert {
            try container.encode(rowValues, forKey: .rowValues)
        } else {
            try container.encode(value, forKey: .value)
        }
        try container.encode(version.hlc, forKey: .hlc)
        try container.encode(version.site, forKey: .site)
        try container.encode(version.seq, forKey: .seq)
        try container.encodeIfPresent(replaced, forKey: .replaced)
        try container.encode(observed, forKey: .observed)
        try container.encodeIfPresent(serverSeq, forKey: .serverSeq)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encodeIfPresent(reassertedLifecycle, forKey: .reassertedLifecycle)
    }
}
