import ClinicStore
import Foundation
import PostgresNIO
import SyncModel

/// Reading and writing `change_log` rows as wire ``SyncModel/Change`` values. The log's `seq`
/// is the server sequence; a change from a clinic keeps its origin sequence in `site_seq`, a
/// change made by the central node has none (its version's sequence is `seq`).
enum LogEntry {
    /// The columns ``change(from:)`` reads, in order.
    static let columns = """
        seq, tbl, row_id, owner, field, value, hlc, site, site_seq, prev_hlc, prev_site, prev_seq, observed, author, reassertion
        """

    /// A wire change from a row of ``columns``, with its server sequence.
    static func change(from row: PostgresRow) throws -> Change {
        let (seq, table, rowID, owner, field, logged, hlc, site) =
            try row.decode((Int64, String, String, String, String, String, Int64, String).self)
        let cells = row.makeRandomAccess()
        let siteSeq = try cells["site_seq"].decode(Int64?.self)
        let prevHLC = try cells["prev_hlc"].decode(Int64?.self)
        let prevSite = try cells["prev_site"].decode(String?.self)
        let prevSeq = try cells["prev_seq"].decode(Int64?.self)
        let observed = try cells["observed"].decode(Int64.self)
        let author = try cells["author"].decode(String?.self)
        let reassertion = try cells["reassertion"].decode(Int64.self)
        var replaced: Version?
        if let prevHLC, let prevSite, let prevSeq {
            replaced = Version(hlc: HLC(bitPattern: prevHLC), site: prevSite, seq: prevSeq)
        }
        let isInsert = field == SyncSchema.rowInsertField
        return Change(table: table, row: rowID, owner: owner, field: field,
                      value: isInsert ? .null : try FieldJSON.decodeValue(logged),
                      rowValues: isInsert ? try FieldJSON.decodeObject(logged) : [:],
                      version: Version(hlc: HLC(bitPattern: hlc), site: site, seq: siteSeq ?? seq),
                      replaced: replaced, observed: observed, serverSeq: seq, author: author,
                      reassertedLifecycle: reassertion == 0 ? nil : reassertion)
    }

    /// Appends a change to the log with the next server sequence and returns it (the row is
    /// queued in the context and sent before anything reads the log, or at the end). `field` and
    /// `value` log one column of a row insert; a change of the central site itself is logged
    /// without an origin sequence.
    @discardableResult
    static func append(_ change: Change, field: String? = nil, value: FieldValue? = nil, applied: Bool = true,
                       in context: WriteContext) async throws -> Int64 {
        let logged: String
        if change.isRowInsert && field == nil {
            logged = try FieldJSON.encode(change.rowValues)
        } else {
            logged = try FieldJSON.encode(value ?? change.value)
        }
        let seq = context.nextSeq()
        let isLocal = change.version.site == context.siteID
        let arguments: [FieldValue] = [
            .integer(seq), .text(change.table), .text(change.row), .text(change.owner), .text(field ?? change.field),
            .text(logged), .integer(change.version.hlc.bitPattern), .text(change.version.site),
            isLocal ? .null : .integer(change.version.seq),
            change.replaced.map { .integer($0.hlc.bitPattern) } ?? .null, change.replaced.map { .text($0.site) } ?? .null,
            change.replaced.map { .integer($0.seq) } ?? .null, .integer(change.observed),
            change.author.map(FieldValue.text) ?? .null, .integer(change.reassertedLifecycle ?? 0),
            .integer(context.nowMillis),
        ]
        try await context.queueLog(arguments, applied: applied)
        return seq
    }

    /// The columns a new entry is written with, in the order of ``append(_:field:value:applied:in:)``'s values.
    static let insertColumns = """
        seq, tbl, row_id, owner, field, value, hlc, site, site_seq, prev_hlc, prev_site, prev_seq, observed, author,
        reassertion, recorded_at, applied
        """

    /// The server sequences of changes logged before (replays), in one query per site; a change
    /// never logged maps to `nil`.
    static func loggedSeqs(of keys: [ChangeKey], in context: WriteContext) async throws -> [ChangeKey: Int64?] {
        try await context.flushLog()
        var found: [ChangeKey: Int64?] = [:]
        for key in keys { found[key] = .some(nil) }
        for (site, group) in Dictionary(grouping: keys, by: \.site).sorted(by: { $0.key < $1.key }) {
            let list = String(decoding: try JSONEncoder().encode(group.map(\.seq).sorted()), as: UTF8.self)
            let rows = try await context.rows("""
                SELECT site_seq, max(seq) FROM change_log
                WHERE site = $1 AND site_seq IN (SELECT jsonb_array_elements_text($2::jsonb)::bigint)
                GROUP BY site_seq
                """, [.text(site), .text(list)])
            for row in rows {
                let (siteSeq, seq) = try row.decode((Int64, Int64).self)
                found[ChangeKey(site: site, seq: siteSeq)] = .some(seq)
            }
        }
        return found
    }
}
