/// A length of silence an administrator types (`--stale 3d`): a whole number followed by `d`
/// (days), `h` (hours), `m` (minutes) or `s` (seconds).
public struct SilenceLimit: Sendable, Equatable, CustomStringConvertible {
    /// The length in milliseconds.
    public var millis: Int64
    /// What was typed.
    public var description: String

    /// Parses `text`; `nil` when it is not a positive whole number with one of the units.
    public init?(_ text: String) {
        let units: [Character: Int64] = ["d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1_000]
        guard let unit = text.last, let scale = units[unit], let count = Int64(text.dropLast()), count > 0,
              count <= Int64.max / scale else { return nil }
        millis = count * scale
        description = text
    }
}
