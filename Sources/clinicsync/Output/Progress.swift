import Foundation

/// Progress on stderr, only when stderr is a terminal (DESIGN §6).
enum Progress {
    static let enabled = isatty(STDERR_FILENO) == 1

    /// Prints `label: done/total` on one refreshed line.
    static func report(_ label: String, _ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) (\(percent)%)\u{1B}[K".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Prints one refreshed status line (e.g. "pulled 12000 changes").
    static func line(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
    }
}
