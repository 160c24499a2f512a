/// How far this machine's clock is from the central node's, and whether that is within the skew
/// limit (DESIGN §4): the check `sync`, `status` and `doctor` share.
///
/// Ahead by more than the limit, the central node refuses this machine's changes until they are
/// re-stamped (a sync does that itself); behind by more than the limit, its edits lose every
/// last-writer comparison to edits made elsewhere in the meantime (their values are kept in
/// conflict records). Reads as one line, e.g. `this machine's clock is 30 d behind the central
/// node's (limit 5 min): …`.
public struct ClockDifference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Which way the local clock is off.
    public enum Direction: String, Hashable, Sendable, Codable {
        /// Within the limit.
        case inStep = "in_step"
        /// Ahead of the central node's by more than the limit.
        case ahead
        /// Behind the central node's by more than the limit.
        case behind
    }

    /// This machine's clock, in milliseconds since 1970.
    public var localMillis: Int64
    /// The central node's clock at the same moment, in milliseconds since 1970.
    public var centralMillis: Int64
    /// The limit in force, in milliseconds.
    public var limitMillis: Int64

    /// Compares two readings taken at the same moment.
    public init(localMillis: Int64, centralMillis: Int64,
                limitMillis: Int64 = HybridLogicalClock.defaultSkewLimitMillis) {
        self.localMillis = localMillis
        self.centralMillis = centralMillis
        self.limitMillis = limitMillis
    }

    /// Local minus central: positive when this machine's clock is ahead.
    public var offsetMillis: Int64 { localMillis - centralMillis }

    /// In step, ahead or behind (beyond the limit).
    public var direction: Direction {
        if offsetMillis > limitMillis { return .ahead }
        if offsetMillis < -limitMillis { return .behind }
        return .inStep
    }

    /// Whether the difference is within the limit.
    public var isWithinLimit: Bool { direction == .inStep }

    /// The warning to show, or `nil` when the clocks are in step.
    public var warning: String? { isWithinLimit ? nil : description }

    /// The size of the difference, e.g. `30 d`, `7 min 12 s`, `950 ms`.
    public var sizeText: String { Self.text(millis: offsetMillis) }

    /// A length of time as people read it: its two largest units, e.g. `29 d 23 h` (sign dropped).
    public static func text(millis: Int64) -> String { ClockSkewError.duration(abs(millis)) }

    /// One line: the size of the difference, and what it means and what to do when beyond the limit.
    public var description: String {
        let size = sizeText
        let limit = ClockSkewError.duration(limitMillis)
        switch direction {
        case .inStep:
            return "this machine's clock is within \(limit) of the central node's (\(offsetMillis >= 0 ? "+" : "-")\(size))"
        case .ahead:
            return "this machine's clock is \(size) ahead of the central node's (limit \(limit)): changes made now are "
                + "re-stamped from the central node's clock at each sync; set this machine's clock right (automatic time)"
        case .behind:
            return "this machine's clock is \(size) behind the central node's (limit \(limit)): edits made here lose every "
                + "last-writer comparison to edits made elsewhere meanwhile, and their values are kept in conflicts "
                + "(`clinicsync conflicts list`); set this machine's clock right (automatic time)"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case localMillis = "local_millis", centralMillis = "central_millis", limitMillis = "limit_millis"
        case offsetMillis = "offset_millis", direction, warning
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        localMillis = try container.decode(Int64.self, forKey: .localMillis)
        centralMillis = try container.decode(Int64.self, forKey: .centralMillis)
        limitMillis = try container.decode(Int64.self, forKey: .limitMillis)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(localMillis, forKey: .localMillis)
        try container.encode(centralMillis, forKey: .centralMillis)
        try container.encode(limitMillis, forKey: .limitMillis)
        try container.encode(offsetMillis, forKey: .offsetMillis)
        try container.encode(direction, forKey: .direction)
        try container.encodeIfPresent(warning, forKey: .warning)
    }
}
