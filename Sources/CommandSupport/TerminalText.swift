/// Text that came from elsewhere (a synced row, an import file, a payer's file) made safe to
/// print on a terminal: every table and human printer passes its values through ``clean(_:)``.
public enum TerminalText {
    /// `text` with control characters replaced, so that a value cannot move the cursor, clear
    /// the screen, set the window title or reorder the line: C0 controls (tab and line breaks
    /// become a space, the others `?`), DEL, C1 controls (the 8-bit escape sequences) and the
    /// bidirectional overrides and isolates become `?`. Printable text is unchanged.
    ///
    /// With `keepingLineBreaks`, `\n` stays (for a whole block of human output whose own lines
    /// are wanted; a table's cells are cleaned without it, so a value cannot break its row).
    public static func clean(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLineBreaks: result.append(scalar)
            case 0x09, 0x0A, 0x0D: result.append(" ")
            default: result.append(isUnsafe(scalar) ? "?" : scalar)
            }
        }
        return String(result)
    }

    /// Whether a scalar must not reach the terminal as it is.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
