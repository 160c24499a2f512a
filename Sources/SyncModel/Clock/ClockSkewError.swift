/// A change stamped further ahead of the receiving node's clock than the configured limit.
///
/// Reads as one line, e.g. `change from site clinic-a (seq 12) is stamped 7 min 12 s ahead of
/// this node's clock (limit 5 min); it was not accepted, so its clinic may re-stamp it: …`. The
/// advice is what works: a clinic's `clinicsync sync` re-stamps its unsynced changes from this
/// node's clock by itself, once the machine's clock is right (issue 27).
public struct ClockSkewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The offending timestamp.
    public var remote: HLC
    /// How far ahead of the receiving clock it is, in milliseconds.
    public var aheadMillis: Int64
    /// The limit in force, in milliseconds.
    public var limitMillis: Int64
    /// The site that stamped the change, when known.
    public var site: String?
    /// The change's site sequence number, when known.
    public var seq: Int64?

    /// Describes one skewed timestamp.
    public init(remote: HLC, aheadMillis: Int64, limitMillis: Int64, site: String? = nil, seq: Int64? = nil) {
        self.remote = remote
        self.aheadMillis = aheadMillis
        self.limitMillis = limitMillis
        self.site = site
        self.seq = seq
    }

    public var description: String {
        var subject = "change"
        if let site { subject += " from site \(site)" }
        if let seq { subject += " (seq \(seq))" }
        return "\(subject) is stamped \(Self.duration(aheadMillis)) ahead of this node's clock "
            + "(limit \(Self.duration(limitMillis))); it was not accepted, so its clinic may re-stamp it: set that "
            + "machine's clock right and run `clinicsync sync` again, which re-stamps the clinic's unsynced changes "
            + "from this node's clock (older clinic software: upgrade it first)"
    }

    /// `3 h 2 min`, `7 min 12 s`, `950 ms`: the two largest units that are not zero.
    static func duration(_ millis: Int64) -> String {
        if millis < 1000 { return "\(millis) ms" }
        let units: [(String, Int64)] = [("d", 86_400), ("h", 3600), ("min", 60), ("s", 1)]
        var rest = millis / 1000
        var parts: [String] = []
        for (name, size) in units where rest >= size || !parts.isEmpty {
            let count = rest / size
            rest %= size
            if count > 0 { parts.append("\(count) \(name)") }
            if parts.count == 2 || rest == 0 { break }
        }
        return parts.joined(separator: " ")
    }
}
