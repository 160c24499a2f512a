/// The pure formatter of the progress bar long commands show on a terminal's stderr:
/// `label [#########-----------] 4,000/10,000  40%  1,234/s  0:05 left`, or, when the total
/// is not known, `label 4,000  1,234/s  0:03`.
public struct ProgressLine: Sendable, Equatable {
    /// What is being done ("ICD10CM-FY2025", "push", "pull").
    public var label: String
    /// Units done so far.
    public var done: Int
    /// Units in all, when known.
    public var total: Int?
    /// Seconds since the operation started.
    public var elapsedSeconds: Double
    /// What the units are ("rows", "changes"); shown after the count when there is no bar.
    public var unit: String

    /// A snapshot of an operation's progress.
    public init(label: String, done: Int, total: Int?, elapsedSeconds: Double, unit: String = "") {
        self.label = label
        self.done = done
        self.total = total
        self.elapsedSeconds = elapsedSeconds
        self.unit = unit
    }

    /// Units per second, once there is enough time to say (at least 0.05 s and one unit; at
    /// the end, any time at all: the rate of the whole run).
    public var rate: Double? {
        let finished = total.map { done >= $0 } ?? false
        guard done > 0, elapsedSeconds > 0, elapsedSeconds >= 0.05 || finished else { return nil }
        return Double(done) / elapsedSeconds
    }

    /// Seconds left at the current rate, when the total is known.
    public var secondsLeft: Double? {
        guard let total, let rate, rate > 0 else { return nil }
        return Double(max(total - done, 0)) / rate
    }

    /// The line, at most `width` characters (the bar shrinks first, then the label is cut).
    public func rendered(width: Int = 80) -> String {
        let label = TerminalText.clean(self.label)
        var tail: [String] = []
        let count: String
        if let total, total > 0 {
            let clamped = min(max(done, 0), total)
            count = "\(Self.grouped(clamped))/\(Self.grouped(total))"
            tail.append("\(clamped * 100 / total)%".leftPadded(to: 4))
        } else if done <= 0, unit.isEmpty {
            count = ""  // a step without a count: the label and the time
        } else {
            count = Self.grouped(max(done, 0)) + (unit.isEmpty ? "" : " \(unit)")
        }
        if let rate { tail.append("\(Self.grouped(Int(rate.rounded())))/s") }
        if let total, total > 0 {
            if done >= total {
                tail.append("done in \(Self.clock(elapsedSeconds))")
            } else if let left = secondsLeft {
                tail.append("\(Self.clock(left)) left")
            }
        } else if elapsedSeconds > 0 {
            tail.append(Self.clock(elapsedSeconds))
        }
        let right = ((count.isEmpty ? [] : [count]) + tail).joined(separator: "  ")
        guard let total, total > 0 else { return Self.fit("\(label) \(right)", width: width) }
        let barWidth = min(30, width - label.count - right.count - 4)
        guard barWidth >= 10 else { return Self.fit("\(label) \(right)", width: width) }
        let filled = min(max(done, 0), total) * barWidth / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        return "\(label) [\(bar)] \(right)"
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Seconds as `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up).clamped(to: 0...359_999))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }

    /// `text` cut to `width` characters, ending in `…` when cut.
    static func fit(_ text: String, width: Int) -> String {
        guard width > 1, text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
