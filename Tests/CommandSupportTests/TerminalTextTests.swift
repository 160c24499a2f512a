import CommandSupport
import Testing

/// Values from elsewhere cannot drive the terminal.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("Jane Doe", "Jane Doe"),
        ("Zoë Ørsted 医院", "Zoë Ørsted 医院"),
        ("red\u{1B}[31mtext", "red?[31mtext"),
        ("title\u{1B}]0;pwned\u{07}", "title?]0;pwned?"),
        ("a\tb\nc\rd", "a b c d"),
        ("bell\u{07}del\u{7F}", "bell?del?"),
        ("c1\u{9B}31m", "c1?31m"),
        ("bidi\u{202E}gnp.exe", "bidi?gnp.exe"),
        ("isolate\u{2066}x\u{2069}", "isolate?x?"),
        ("nul\u{0}x", "nul?x"),
        ("", ""),
    ])
    func cleansControls(_ input: String, _ expected: String) {
        #expect(TerminalText.clean(input) == expected)
    }

    @Test func aBlockKeepsItsLinesButNothingElse() {
        #expect(TerminalText.clean("a\nb\u{1B}[2J\tc\r", keepingLineBreaks: true) == "a\nb?[2J c ")
        #expect(TerminalText.clean("line one\nline two", keepingLineBreaks: true) == "line one\nline two")
    }
}
