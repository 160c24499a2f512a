import Foundation
import SyncModel

/// A fast JSON coder for the two bodies that carry changes in bulk — ``PushRequest`` and
/// ``PullResponse`` — with exactly the JSON of their `Codable` conformances (DESIGN §4,
/// `Schemas/wire`). Foundation's `JSONEncoder`/`JSONDecoder` spend tens of microseconds per
/// change; these spend about one, which is what lets a sync move tens of thousands of rows
/// per second.
///
/// Both directions defer to Foundation whenever they are not sure: the reader accepts only
/// input it decodes exactly as `JSONDecoder` would (well-formed JSON, known keys once each,
/// integers where integers are expected, valid UTF-8) and answers `nil` for anything else,
/// so the caller decodes with Foundation and gets the same value or the same error. Other
/// types go to Foundation directly.
public enum WireJSON {
    /// JSON of `value`, keys sorted: the fast writer for push requests and pull pages,
    /// `JSONEncoder` (with `.sortedKeys`) for everything else.
    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        if let request = value as? PushRequest, let bytes = encode(request) { return bytes }
        if let page = value as? PullResponse, let bytes = encode(page) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return [UInt8](try encoder.encode(value))
    }

    /// `Value` decoded from `bytes`: the fast reader for push requests and pull pages when it
    /// can, `JSONDecoder` otherwise (also for its errors).
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        if type == PushRequest.self, let request = decodePushRequest(bytes) { return request as! Value }
        if type == PullResponse.self, let page = decodePullResponse(bytes) { return page as! Value }
        return try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// A push request's JSON; `nil` when a value cannot be written (a non-finite real).
    public static func encode(_ request: PushRequest) -> [UInt8]? {
        var writer = Writer()
        if let baseSeq = request.baseSeq {
            writer.raw("{\"base_digest\":")
            if let digest = request.baseDigest { writer.string(digest) } else { writer.raw("null") }
            writer.raw(",\"base_seq\":")
            writer.integer(baseSeq)
            writer.raw(",\"changes\":")
        } else {
            writer.raw("{\"changes\":")
        }
        guard writer.changes(request.changes) else { return nil }
        writer.raw(",\"clinic_id\":")
        writer.string(request.clinicID)
        writer.raw(",\"schema_version\":")
        writer.integer(Int64(request.schemaVersion))
        writer.raw(",\"site_id\":")
        writer.string(request.siteID)
        writer.raw("}")
        return writer.out
    }

    /// A pull page's JSON; `nil` when a value cannot be written (a non-finite real).
    public static func encode(_ page: PullResponse) -> [UInt8]? {
        var writer = Writer()
        writer.raw("{\"changes\":")
        guard writer.changes(page.changes) else { return nil }
        writer.raw(page.hasMore ? ",\"has_more\":true" : ",\"has_more\":false")
        writer.raw(",\"next_cursor\":")
        writer.integer(page.nextCursor)
        writer.raw(",\"server_clock\":")
        writer.unsigned(page.serverClock.rawValue)
        writer.raw("}")
        return writer.out
    }

    /// Appends JSON text to a byte buffer.
    struct Writer {
        var out: [UInt8] = []

        init() { out.reserveCapacity(1 << 16) }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }

        mutating func integer(_ value: Int64) {
            if value < 0 {
                out.append(UInt8(ascii: "-"))
                unsigned(value == .min ? UInt64(Int64.max) + 1 : UInt64(-value))
            } else {
                unsigned(UInt64(value))
            }
        }

        mutating func unsigned(_ value: UInt64) {
            var divisor: UInt64 = 1
            while value / divisor >= 10 { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }

        mutating func string(_ text: String) { FlatJSON.appendString(text, to: &out) }

        /// A field value; `false` for a non-finite real, which JSON cannot carry.
        mutating func value(_ value: FieldValue) -> Bool {
            if case .real(let number) = value, !number.isFinite { return false }
            FlatJSON.appendValue(value, to: &out)
            return true
        }

        mutating func version(_ version: Version) {
            raw("{\"hlc\":")
            unsigned(version.hlc.rawValue)
            raw(",\"seq\":")
            integer(version.seq)
            raw(",\"site\":")
            string(version.site)
            raw("}")
        }

        /// `[change, …]`, each change's keys sorted; `false` if a value cannot be written.
        mutating func changes(_ changes: [Change]) -> Bool {
            out.append(UInt8(ascii: "["))
            for (index, change) in changes.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard self.change(change) else { return false }
            }
            out.append(UInt8(ascii: "]"))
            return true
        }

        private mutating func change(_ change: Change) -> Bool {
            out.append(UInt8(ascii: "{"))
            if let author = change.author {
                raw("\"author\":")
                string(author)
                out.append(UInt8(ascii: ","))
            }
            raw("\"field\":")
            string(change.field)
            raw(",\"hlc\":")
            unsigned(change.version.hlc.rawValue)
            raw(",\"observed\":")
            integer(change.observed)
            raw(",\"owner\":")
            string(change.owner)
            if let lifecycle = change.reassertedLifecycle {
                raw(",\"reasserted_lifecycle\":")
                integer(lifecycle)
            }
            if let replaced = change.replaced {
                raw(",\"replaced\":")
                version(replaced)
            }
            raw(",\"row\":")
            string(change.row)
            if change.isRowInsert {
                raw(",\"row_values\":{")
                let keys = FlatJSON.sortedKeys(change.rowValues, table: change.table)
                for (index, key) in keys.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    string(key)
                    out.append(UInt8(ascii: ":"))
                    guard value(change.rowValues[key]!) else { return false }
                }
                out.append(UInt8(ascii: "}"))
            }
            raw(",\"seq\":")
            integer(change.version.seq)
            if let serverSeq = change.serverSeq {
                raw(",\"server_seq\":")
                integer(serverSeq)
            }
            raw(",\"site\":")
            string(change.version.site)
            raw(",\"table\":")
            string(change.table)
            if !change.isRowInsert {
                raw(",\"value\":")
                guard value(change.value) else { return false }
            }
            out.append(UInt8(ascii: "}"))
            return true
        }
    }
}
