/// A wall-clock time of day to the minute, as ISA10, GS05 and BHT05 carry it (`HHMM`).
///
/// Injected by the caller with the creation date; the writer never reads the clock.
public struct X12Time: Hashable, Sendable, CustomStringConvertible {
    /// Hour, 0–23.
    public let hour: Int
    /// Minute, 0–59.
    public let minute: Int

    /// Creates a time, or `nil` outside 00:00–23:59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HHMM` (`0930`) or `HH:MM` (`09:30`).
    public init?(_ text: String) {
        let digits = text.filter { $0 != ":" }
        guard digits.count == 4, text.count == 4 || (text.count == 5 && text.dropFirst(2).first == ":"),
              digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let hour = Int(digits.prefix(2)), let minute = Int(digits.suffix(2)) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `HHMM`, zero-padded.
    public var hhmm: String { (hour < 10 ? "0" : "") + String(hour) + (minute < 10 ? "0" : "") + String(minute) }

    /// `HHMM`.
    public var description: String { hhmm }
}
