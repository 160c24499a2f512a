import SyncModel

extension WireJSON {
    /// A push request read by the fast reader, or `nil` to let `JSONDecoder` decide.
    static func decodePushRequest(_ bytes: [UInt8]) -> PushRequest? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return try? reader.document { reader in try reader.pushRequest() }
        }
    }

    /// A pull page read by the fast reader, or `nil` to let `JSONDecoder` decide.
    static func decodePullResponse(_ bytes: [UInt8]) -> PullResponse? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return try? reader.document { reader in try reader.pullResponse() }
        }
    }

    /// Not sure: hand the input to `JSONDecoder`.
    struct Unsure: Error {}

    /// A strict reader of the wire shapes over UTF-8 bytes. Anything unexpected — an unknown or
    /// repeated key, a fraction where an integer goes, an escape it does not know, invalid
    /// UTF-8, trailing bytes — throws ``Unsure``.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func document<T>(_ body: (inout Reader) throws -> T) throws -> T {
            space()
            let value = try body(&self)
            space()
            guard index == bytes.count else { throw Unsure() }
            return value
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
                default: throw Unsure()
                }
            }
            guard let schema, let version = Int(exactly: schema), let clinic, let site, let changes else { throw Unsure() }
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
                default: throw Unsure()
                }
            }
            guard let changes, let next, let more, let clock else { throw Unsure() }
            return PullResponse(changes: changes, nextCursor: next, hasMore: more, serverClock: HLC(rawValue: clock))
        }

        mutating func changes() throws -> [Change] {
            var changes: [Change] = []
            try expect(UInt8(ascii: "["))
            space()
            if peek == UInt8(ascii: "]") { index += 1; return changes }
            while true {
                space()
                changes.append(try change())
                space()
                let next = try take()
                if next == UInt8(ascii: "]") { return changes }
                guard next == UInt8(ascii: ",") else { throw Unsure() }
            }
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
                default: throw Unsure()
                }
            }
            guard let table, let row, let owner, let field, let hlc, let site, let seq, let observed else { throw Unsure() }
            // As Change's Decodable: a row insert reads only row_values, a field change only value.
            let isInsert = field == SyncSchema.rowInsertField
            if isInsert && rowValues == nil || !isInsert && value == nil { throw Unsure() }
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
                default: throw Unsure()
                }
            }
            guard let hlc, let site, let seq else { throw Unsure() }
            return Version(hlc: HLC(rawValue: hlc), site: site, seq: seq)
        }

        mutating func rowValues() throws -> [String: FieldValue] {
            // Room for the widest synced row: growing a dictionary rehashes every key.
            var values = [String: FieldValue](minimumCapacity: 16)
            try object { reader, key in
                guard values.updateValue(try reader.fieldValue(), forKey: key) == nil else { throw Unsure() }
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

        // MARK: - Grammar

        /// `{ "key": value, … }`, calling `member` after each key with the reader at the value.
        mutating func object(_ member: (inout Reader, String) throws -> Void) throws {
            try expect(UInt8(ascii: "{"))
            space()
            if peek == UInt8(ascii: "}") { index += 1; return }
            while true {
                space()
                let key = try string()
                space()
                try expect(UInt8(ascii: ":"))
                space()
                try member(&self, key)
                space()
                let next = try take()
                if next == UInt8(ascii: "}") { return }
                guard next == UInt8(ascii: ",") else { throw Unsure() }
            }
        }

        /// Reads a member's value, refusing a key seen before.
        mutating func unique<T>(_ current: T?, _ read: (inout Reader) throws -> T) throws -> T {
            guard current == nil else { throw Unsure() }
            return try read(&self)
        }

        mutating func orNull<T>(_ read: (inout Reader) throws -> T) throws -> T? {
            if peek == UInt8(ascii: "n") { try word("null"); return nil }
            return try read(&self)
        }

        mutating func bool() throws -> Bool {
            if peek == UInt8(ascii: "t") { try word("true"); return true }
            try word("false")
            return false
        }

        /// A JSON integer (no fraction, no exponent) that fits in 64 bits.
        mutating func integer() throws -> Int64 {
            let negative = peek == UInt8(ascii: "-")
            if negative { index += 1 }
            let magnitude = try digits()
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { throw Unsure() }
                return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) else { throw Unsure() }
            return Int64(magnitude)
        }

        mutating func unsigned() throws -> UInt64 { try digits() }

        private mutating func digits() throws -> UInt64 {
            guard let first = peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { throw Unsure() }
            index += 1
            var value = UInt64(first - UInt8(ascii: "0"))
            if first == UInt8(ascii: "0") {
                if let next = peek, next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") { throw Unsure() }
            }
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { throw Unsure() }
                value = sum
                index += 1
            }
            if let next = peek, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                throw Unsure()
            }
            return value
        }

        /// A string without escapes other than the JSON ones; invalid UTF-8 or a raw control
        /// character throws.
        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = index
            var plain = true
            while let byte = peek, byte != UInt8(ascii: "\"") {
                if byte < 0x20 { throw Unsure() }
                if byte == UInt8(ascii: "\\") { plain = false; index += 1 }
                if byte >= 0x80 { plain = false }
                index += 1
            }
            guard index < bytes.count else { throw Unsure() }
            let body = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            if plain { return String(decoding: body, as: UTF8.self) }
            return try unescape(body)
        }

        private func unescape(_ body: UnsafeBufferPointer<UInt8>) throws -> String {
            var out: [UInt8] = []
            out.reserveCapacity(body.count)
            var i = 0
            while i < body.count {
                let byte = body[i]
                i += 1
                guard byte == UInt8(ascii: "\\") else { out.append(byte); continue }
                guard i < body.count else { throw Unsure() }
                let escaped = body[i]
                i += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try Self.hex4(body, at: &i)
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard i + 1 < body.count, body[i] == UInt8(ascii: "\\"), body[i + 1] == UInt8(ascii: "u") else { throw Unsure() }
                        i += 2
                        let low = try Self.hex4(body, at: &i)
                        guard (0xDC00..<0xE000).contains(low) else { throw Unsure() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Unsure() }
                    out.append(contentsOf: String(unicode).utf8)
                default: throw Unsure()
                }
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw Unsure() }
            return text
        }

        private static func hex4(_ body: UnsafeBufferPointer<UInt8>, at i: inout Int) throws -> UInt32 {
            guard i + 4 <= body.count else { throw Unsure() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = body[i]
                i += 1
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw Unsure()
                }
                value = value << 4 | digit
            }
            return value
        }

        private mutating func word(_ text: StaticString) throws {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw Unsure() }
            let word = UnsafeBufferPointer(start: text.utf8Start, count: count)
            for offset in 0..<count where bytes[index + offset] != word[offset] { throw Unsure() }
            index += count
        }

        private mutating func expect(_ byte: UInt8) throws {
            guard peek == byte else { throw Unsure() }
            index += 1
        }

        private mutating func take() throws -> UInt8 {
            guard index < bytes.count else { throw Unsure() }
            index += 1
            return bytes[index - 1]
        }

        private mutating func space() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                index += 1
            }
        }

        private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    }
}
