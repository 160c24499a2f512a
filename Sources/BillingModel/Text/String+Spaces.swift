import Foundation

extension String {
    /// The text without leading and trailing spaces and tabs, exactly as
    /// `trimmingCharacters(in: .whitespaces)` gives it, without Foundation's bridging cost
    /// for the usual case: text that starts and ends with a visible ASCII character comes
    /// back as it is, and only other text takes Foundation's path (which also knows the
    /// Unicode spaces, such as the no-break space).
    ///
    /// Codes, NPIs and amounts are checked this way by the hundred thousand in bulk entry.
    public var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if Self.isVisibleASCII(first) && Self.isVisibleASCII(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
