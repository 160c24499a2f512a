/// The hybrid logical clock one site keeps (DESIGN §4): it never goes backward, follows the
/// wall clock when it can, and advances past every timestamp the site receives.
///
/// A value type: the store loads it, ticks or observes inside a transaction and saves it
/// back. The wall clock is passed in (`nowMillis`), never read here. Codable as the plain
/// integer of ``last``.
public struct HybridLogicalClock: Hashable, Sendable, Codable {
    /// How far ahead of the local clock a received change may be stamped: 5 minutes.
    public static let defaultSkewLimitMillis: Int64 = 5 * 60 * 1000

    /// The latest timestamp this site issued or observed.
    public private(set) var last: HLC

    /// A clock that has issued and seen nothing yet, or one restored from storage.
    public init(last: HLC = .zero) { self.last = last }

    /// Issues the timestamp of a new local change: `max(last + 1, nowMillis << 16)`.
    ///
    /// Strictly greater than every timestamp issued or observed before, whatever the wall clock does.
    public mutating func tick(nowMillis: Int64) -> HLC {
        let next = max(last.successor, HLC(millis: nowMillis))
        last = next
        return next
    }

    /// Advances past a timestamp received from another site (`last = max(last, remote)`),
    /// so the next ``tick(nowMillis:)`` orders after it.
    public mutating func observe(_ remote: HLC) {
        last = max(last, remote)
    }

    /// The skew error for a timestamp more than `limitMillis` ahead of `nowMillis`, or `nil`
    /// when it is acceptable.
    public static func skew(of remote: HLC, nowMillis: Int64,
                            limitMillis: Int64 = defaultSkewLimitMillis) -> ClockSkewError? {
        let ahead = remote.millis - nowMillis
        guard ahead > limitMillis else { return nil }
        return ClockSkewError(remote: remote, aheadMillis: ahead, limitMillis: limitMillis)
    }

    /// Throws when `remote` is stamped more than `limitMillis` ahead of `nowMillis` (the
    /// central node refuses such a change instead of dragging every clock forward).
    public static func checkSkew(of remote: HLC, nowMillis: Int64,
                                 limitMillis: Int64 = defaultSkewLimitMillis) throws(ClockSkewError) {
        if let error = skew(of: remote, nowMillis: nowMillis, limitMillis: limitMillis) { throw error }
    }

    /// Throws when `change` is stamped too far ahead; the error names its site and sequence.
    public static func checkSkew(of change: Change, nowMillis: Int64,
                                 limitMillis: Int64 = defaultSkewLimitMillis) throws(ClockSkewError) {
        if var error = skew(of: change.version.hlc, nowMillis: nowMillis, limitMillis: limitMillis) {
            error.site = change.version.site
            error.seq = change.version.seq
            throw error
        }
    }

    public init(from decoder: any Decoder) throws {
        last = try HLC(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try last.encode(to: encoder)
    }
}
