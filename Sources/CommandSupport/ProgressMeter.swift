import Foundation
import Synchronization

/// The thin terminal writer behind ``ProgressLine``: redraws one line on stderr at most ten
/// times a second, and ends it with a newline when the work is done. It draws nothing unless
/// it was made ``enabled`` (stderr is a terminal, no `--json`, no `--quiet`: see
/// ``shouldShow(stderrIsTerminal:json:quiet:)``). The clock and the output are injected.
public final class ProgressMeter: Sendable {
    /// A monotonic clock in seconds.
    public typealias Seconds = @Sendable () -> Double

    private struct State {
        var label = ""
        var started = 0.0
        var lastDraw = -Double.infinity
        var lineOpen = false
    }

    /// Whether anything is drawn at all.
    public let enabled: Bool
    private let width: Int
    private let minInterval: Double
    private let now: Seconds
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// A meter drawing through `write` with the time from `now`.
    public init(enabled: Bool, width: Int = 80, minInterval: Double = 0.1, now: @escaping Seconds,
                write: @escaping @Sendable (String) -> Void) {
        self.enabled = enabled
        self.width = width
        self.minInterval = minInterval
        self.now = now
        self.write = write
    }

    /// The rule: progress is for a person watching a terminal, never for a script or a pipe.
    public static func shouldShow(stderrIsTerminal: Bool, json: Bool, quiet: Bool) -> Bool {
        stderrIsTerminal && !json && !quiet
    }

    /// A meter on this process's stderr with the monotonic clock, enabled by
    /// ``shouldShow(stderrIsTerminal:json:quiet:)``.
    public static func standardError(json: Bool, quiet: Bool) -> ProgressMeter {
        let terminal = isatty(STDERR_FILENO) == 1
        let start = ContinuousClock.now
        return ProgressMeter(enabled: shouldShow(stderrIsTerminal: terminal, json: json, quiet: quiet),
                             width: terminalWidth(), now: { Self.seconds(ContinuousClock.now - start) },
                             write: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Reports `done` of `total` units for `label`; a new label starts a new line and a new rate.
    public func update(_ label: String, done: Int, total: Int?, unit: String = "") {
        guard enabled else { return }
        let time = now()
        let text: String? = state.withLock { state in
            if state.label != label {
                if state.lineOpen { write("\n") }
                state = State(label: label, started: time)
            }
            let finished = total.map { done >= $0 } ?? false
            guard finished || time - state.lastDraw >= minInterval else { return nil }
            state.lastDraw = time
            let line = ProgressLine(label: label, done: done, total: total, elapsedSeconds: time - state.started, unit: unit)
            var text = "\r" + line.rendered(width: width) + "\u{1B}[K"
            if finished {
                text += "\n"
                state.lineOpen = false
                state.label = ""
            } else {
                state.lineOpen = true
            }
            return text
        }
        if let text { write(text) }
    }

    /// Ends an open line (work that stopped before its total, or had none).
    public func finish() {
        guard enabled else { return }
        let open = state.withLock { state in
            defer { state = State() }
            return state.lineOpen
        }
        if open { write("\n") }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}
