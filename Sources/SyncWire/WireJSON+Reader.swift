import SyncModel

extension WireJSON {
    /// A push request read by the fast reader, or `nil` to let `JSONDecoder` decide.
    static func decodePushRequest(_ bytes: [UInt8]) -> PushRequest? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONScanner(bytes: buffer)
            return try? reader.document { reader in try reader.pushRequest() }
        }
    }

    /// A pull page read by the fast reader, or `nil` to let `JSONDecoder` decide.
    static func decodePullResponse(_ bytes: [UInt8]) -> PullResponse? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONScanner(bytes: buffer)
            return try? reader.document { reader in try reader.pullResponse() }
        }
    }
}

/// The wire shapes over ``JSONScanner``, read exactly as their `Codable` conformances read them.
/// Anything unexpected — an unknown or repeated key, a fraction where an integer goes, an escape
/// it does not know, invalid UTF-8, trailing bytes — throws, and the caller defers to Foundation.
extension JSONScanner {
    /// Reads a member's value, refusing a key seen before.
    mutating func unique<T>(_ current: T?, _ read: (inout JSONScanner) throws -> T) throws -> T {
        guard current == nil else { throw malformed }
        return try read(&self)
    }

    mutating func pushRequest() throws -> PushRequest {
        var schema: Int64?, clinic: String?, site: String?, changes: [Change]?
        var baseSeq: Int64?, baseDigest: String??
        try object { reader, key in
            switch key {
            case "base_seq": baseSeq = try reader.unique(baseSeq) { try $0.integer() }
            case "base_digest": baseDigest = try reader.unique(baseDigest) { try $0.orNull { try $0.string() } }
            case "schema_version": schema = try reader.unique(schema) { try $0.integer() }
            case "clinic_id": clinic = try reader.unique(clinic) { try $0.string() }
            case "site_id": site = try reader.unique(site) { try $0.string() }
            case "changes": changes = try reader.unique(changes) { try $0.changes() }
            default: throw reader.malformed
            }
        }
        guard let schema, let version = Int(exactly: schema), let clinic, let site, let changes else { throw malformed }
        return PushRequest(schemaVersion: version, clinicID: clinic, siteID: site, changes: changes,
                           baseSeq: baseSeq, baseDigest: baseDigest ?? nil)
    }

    mutating func pullResponse() throws -> PullResponse {
        var changes: [Change]?, next: Int64?, more: Bool?, clock: UInt64?
        try object { reader, key in
            switch key {
            case "changes": changes = try reader.unique(changes) { try $0.changes() }
            case "next_cursor": next = try reader.unique(next) { try $0.integer() }
            case "has_more": more = try reader.unique(more) { try $0.bool() }
            case "server_clock": clock = try reader.unique(clock) { try $0.unsigned() }
            default: throw reader.malformed
            }
        }
        guard let changes, let next, let more, let clock else { throw malformed }
        return PullResponse(changes: changes, nextCursor: next, hasMore: more, serverClock: HLC(rawValue: clock))
    }

    mutating func changes() throws -> [Change] {
        var changes: [Change] = []
        try array { scanner in changes.append(try scanner.change()) }
        return changes
    }

    mutating func change() throws -> Change {
        var table: String?, row: String?, owner: String?, field: String?, value: FieldValue?
        var rowValues: [String: FieldValue]?, hlc: UInt64?, site: String?, seq: Int64?
        var replaced: Version??, observed: Int64?, serverSeq: Int64??, author: String??, lifecycle: Int64??
        try object { reader, key in
            switch key {
            case "table": table = try reader.unique(table) { try $0.string() }
            case "row": row = try reader.unique(row) { try $0.string() }
            case "owner": owner = try reader.unique(owner) { try $0.string() }
            case "field": field = try reader.unique(field) { try $0.string() }
            case "value": value = try reader.unique(value) { try $0.fieldValue() }
            case "row_values": rowValues = try reader.unique(rowValues) { try $0.rowValues() }
            case "hlc": hlc = try reader.unique(hlc) { try $0.unsigned() }
            case "site": site = try reader.unique(site) { try $0.string() }
            case "seq": seq = try reader.unique(seq) { try $0.integer() }
            case "replaced": replaced = try reader.unique(replaced) { try $0.orNull { try $0.version() } }
            case "observed": observed = try reader.unique(observed) { try $0.integer() }
            case "server_seq": serverSeq = try reader.unique(serverSeq) { try $0.orNull { try $0.integer() } }
            case "author": author = try reader.unique(author) { try $0.orNull { try $0.string() } }
            case "reasserted_lifecycle": lifecycle = try reader.unique(lifecycle) { try $0.orNull { try $0.integer() } }
            default: throw reader.malformed
            }
        }
        guard let table, let row, let owner, let field, let hlc, let site, let seq, let observed else { throw malformed }
        // As Change's Decodable: a row insert reads only row_values, a field change only value.
        let isInsert = field == SyncSchema.rowInsertField
        if isInsert && rowValues == nil || !isInsert && value == nil { throw malformed }
        return Change(table: table, row: row, owner: owner, field: field, value: isInsert ? .null : value!,
                      rowValues: isInsert ? rowValues! : [:], version: Version(hlc: HLC(rawValue: hlc), site: site, seq: seq),
                      replaced: replaced ?? nil, observed: observed, serverSeq: serverSeq ?? nil,
                      author: author ?? nil, reassertedLifecycle: lifecycle ?? nil)
    }

    mutating func version() throws -> Version {
        var hlc: UInt64?, site: String?, seq: Int64?
        try object { reader, key in
            switch key {
            case "hlc": hlc = try reader.unique(hlc) { try $0.unsigned() }
            case "site": site = try reader.unique(site) { try $0.string() }
            case "seq": seq = try reader.unique(seq) { try $0.integer() }
            default: throw reader.malformed
            }
        }
        guard let hlc, let site, let seq else { throw malformed }
        return Version(hlc: HLC(rawValue: hlc), site: site, seq: seq)
    }

    mutating func rowValues() throws -> [String: FieldValue] {
        // Room for the widest synced row: growing a dictionary rehashes every key.
        var values = [String: FieldValue](minimumCapacity: 16)
        try object { reader, key in
            guard values.updateValue(try reader.fieldValue(), forKey: key) == nil else { throw reader.malformed }
        }
        return values
    }

    /// `null`, an integer or a string; a number with a fraction or exponent is left to Foundation.
    mutating func fieldValue() throws -> FieldValue {
        switch peek {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "n"): try word("null"); return .null
        default: return .integer(try integer())
        }
    }
}
