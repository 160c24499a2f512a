/// Which write produced a field's value: the writer's clock, its site id and its own
/// sequence number. Totally ordered by (hlc, site, seq) — DESIGN §4: clock first, site id as
/// the tie-break, and the site sequence last for several changes made in one transaction.
///
/// Site ids compare by their UTF-8 bytes (as SQLite's BINARY collation does). Codable as
/// `{"hlc": …, "site": …, "seq": …}`; ``token`` is a compact text form for one column.
public struct Version: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The writer's hybrid logical clock at the write.
    public var hlc: HLC
    /// The writer's site id.
    public var site: String
    /// The writer's own sequence number for this change (1, 2, 3 … per site).
    public var seq: Int64

    /// A version from its three parts.
    public init(hlc: HLC, site: String, seq: Int64) {
        self.hlc = hlc
        self.site = site
        self.seq = seq
    }

    public static func < (a: Version, b: Version) -> Bool {
        if a.hlc != b.hlc { return a.hlc < b.hlc }
        if !a.site.utf8.elementsEqual(b.site.utf8) { return a.site.utf8.lexicographicallyPrecedes(b.site.utf8) }
        return a.seq < b.seq
    }

    public static func == (a: Version, b: Version) -> Bool {
        a.hlc == b.hlc && a.seq == b.seq && a.site.utf8.elementsEqual(b.site.utf8)
    }

    /// `hlc/seq/site` with the raw clock integer, e.g. `112589990684262400/7/clinic-a`; the site
    /// comes last so it may contain any character. Parsed back by ``init(token:)``.
    public var token: String { "\(hlc.rawValue)/\(seq)/\(site)" }

    /// Parses ``token``; `nil` when the text is not one.
    public init?(token: String) {
        let parts = token.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let raw = UInt64(parts[0]), let seq = Int64(parts[1]), !parts[2].isEmpty
        else { return nil }
        self.init(hlc: HLC(rawValue: raw), site: String(parts[2]), seq: seq)
    }

    /// `site#seq@millis.counter`, for logs and messages.
    public var description: String { "\(site)#\(seq)@\(hlc)" }
}
