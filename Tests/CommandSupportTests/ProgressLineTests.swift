import CommandSupport
import Testing

/// The progress bar's text, from a table of snapshots.
@Suite struct ProgressLineTests {
    @Test(arguments: [
        (ProgressLine(label: "ICD10", done: 0, total: 1000, elapsedSeconds: 0), "ICD10 [------------------------------] 0/1,000    0%"),
        (ProgressLine(label: "ICD10", done: 250, total: 1000, elapsedSeconds: 1),
         "ICD10 [#######-----------------------] 250/1,000   25%  250/s  0:03 left"),
        (ProgressLine(label: "ICD10", done: 1000, total: 1000, elapsedSeconds: 4),
         "ICD10 [##############################] 1,000/1,000  100%  250/s  done in 0:04"),
        (ProgressLine(label: "push", done: 40000, total: 100000, elapsedSeconds: 4),
         "push [############------------------] 40,000/100,000   40%  10,000/s  0:06 left"),
        (ProgressLine(label: "pull", done: 12345, total: nil, elapsedSeconds: 2, unit: "changes"),
         "pull 12,345 changes  6,173/s  0:02"),
        (ProgressLine(label: "big", done: 1, total: 7200, elapsedSeconds: 1), "big [------------------------------] 1/7,200    0%  1/s  1:59:59 left"),
        (ProgressLine(label: "over", done: 12, total: 10, elapsedSeconds: 1), "over [##############################] 10/10  100%  12/s  done in 0:01"),
        (ProgressLine(label: "code release X", done: 0, total: nil, elapsedSeconds: 3), "code release X 0:03"),
        (ProgressLine(label: "evil\u{1B}[2J", done: 1, total: nil, elapsedSeconds: 0, unit: "rows"), "evil?[2J 1 rows"),
    ])
    func rendersAtEighty(_ line: ProgressLine, _ expected: String) {
        #expect(line.rendered(width: 80) == expected)
    }

    @Test func aNarrowTerminalDropsTheBarAndCutsTheLine() {
        let line = ProgressLine(label: "a-rather-long-release-name", done: 50, total: 100, elapsedSeconds: 5)
        let narrow = line.rendered(width: 40)
        #expect(narrow.count <= 40 && !narrow.contains("[") && narrow.hasPrefix("a-rather-long-release-name 50/100"), "\(narrow)")
        #expect(line.rendered(width: 80).contains("[##########-----------] 50/100"))
    }

    @Test func rateAndTimeLeftNeedEnoughToGoOn() {
        #expect(ProgressLine(label: "x", done: 10, total: 100, elapsedSeconds: 0.01).rate == nil)
        #expect(ProgressLine(label: "x", done: 100, total: 100, elapsedSeconds: 0.01).rate == 10_000, "a fast run still says its rate")
        #expect(ProgressLine(label: "x", done: 100, total: 100, elapsedSeconds: 0).rate == nil)
        #expect(ProgressLine(label: "x", done: 0, total: 100, elapsedSeconds: 3).secondsLeft == nil)
        #expect(ProgressLine(label: "x", done: 10, total: 100, elapsedSeconds: 1).secondsLeft == 9)
    }
}
