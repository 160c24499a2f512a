import CommandSupport
import Synchronization
import Testing

/// The thin writer: throttled redraws on one line, a newline at the end, nothing when disabled.
@Suite struct ProgressMeterTests {
    final class Recorder: Sendable {
        let time = Mutex(0.0)
        let output = Mutex("")
        func meter(enabled: Bool = true) -> ProgressMeter {
            ProgressMeter(enabled: enabled, width: 80, minInterval: 0.1, now: { self.time.withLock { $0 } },
                          write: { text in self.output.withLock { $0 += text } })
        }
        func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
        var text: String { output.withLock { $0 } }
    }

    @Test(arguments: [(true, false, false, true), (false, false, false, false), (true, true, false, false),
                      (true, false, true, false), (false, true, true, false)])
    func showsOnlyOnATerminalWithoutJSONOrQuiet(_ terminal: Bool, _ json: Bool, _ quiet: Bool, _ shown: Bool) {
        #expect(ProgressMeter.shouldShow(stderrIsTerminal: terminal, json: json, quiet: quiet) == shown)
    }

    @Test func redrawsAtMostTenTimesASecondAndEndsTheLine() {
        let recorder = Recorder()
        let meter = recorder.meter()
        meter.update("rows", done: 1, total: 4)
        recorder.advance(0.05)
        meter.update("rows", done: 2, total: 4)  // too soon: not drawn
        recorder.advance(0.1)
        meter.update("rows", done: 3, total: 4)
        meter.update("rows", done: 4, total: 4)  // the end is always drawn
        let draws = recorder.text.split(separator: "\r", omittingEmptySubsequences: true)
        #expect(draws.count == 3, "\(recorder.text.debugDescription)")
        #expect(draws.first?.hasPrefix("rows [") == true && draws.last?.contains("4/4  100%") == true)
        #expect(!recorder.text.contains("2/4") && recorder.text.hasSuffix("\u{1B}[K\n"))
        meter.finish()
        #expect(recorder.text.filter { $0 == "\n" }.count == 1, "finish after the end adds nothing")
    }

    @Test func aNewLabelStartsANewLineAndFinishClosesAnOpenOne() {
        let recorder = Recorder()
        let meter = recorder.meter()
        meter.update("push", done: 5, total: 10)
        meter.update("pull", done: 3, total: nil, unit: "changes")
        meter.finish()
        #expect(recorder.text.components(separatedBy: "\n").count == 3, "\(recorder.text.debugDescription)")
        #expect(recorder.text.contains("\rpull 3 changes"))
    }

    @Test func aDisabledMeterWritesNothing() {
        let recorder = Recorder()
        let meter = recorder.meter(enabled: false)
        meter.update("rows", done: 1, total: 1)
        meter.finish()
        #expect(recorder.text.isEmpty)
    }
}
