/// A short fingerprint of one change's content, the same at every replica: what the central
/// node keeps for the highest sequence it holds of each site, so that a store can tell whether
/// the node's `(site, seq)` is really its own change or another store's under the same key
/// (a restored or copied store; issue 28).
///
/// It covers the key, the clock, the table, row, field and value (every column of a row
/// insert), never the server sequence or the cursor, which differ between a clinic's log and
/// the node's. 16 hex characters (64 bits of SHA-256).
public enum ChangeDigest {
    /// The fingerprint of `change`.
    public static func of(_ change: Change) -> String {
        var text = ""
        func add(_ part: String) {
            text += String(part.utf8.count)
            text += ":"
            text += part
        }
        add(change.table)
        add(change.row)
        add(change.owner)
        add(change.field)
        add(String(change.version.hlc.rawValue))
        add(change.version.site)
        add(String(change.version.seq))
        if change.isRowInsert {
            for column in change.rowValues.keys.sorted() {
                add(column)
                add(canonical(change.rowValues[column] ?? .null))
            }
        } else {
            add(canonical(change.value))
        }
        let digest = SHA256.hash(Array(text.utf8)).prefix(8)
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// A value as text, equal for values the merge calls equal (an integral real is its integer).
    private static func canonical(_ value: FieldValue) -> String {
        switch value {
        case .null: return "n"
        case .integer(let int): return "i\(int)"
        case .real(let real): return Int64(exactly: real).map { "i\($0)" } ?? "r\(real)"
        case .text(let text): return "t" + text
        }
    }
}
