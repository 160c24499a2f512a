/// A fingerprint of one entry of the central node's log, by its server sequence: what a clinic
/// keeps of the entry at its cursor, so that its next sync can tell a node put back to an older
/// state (which hands the same server sequences to other changes) from the node it synced with.
/// 16 hex characters, like ``ChangeDigest``.
public enum LogMark {
    /// The mark of the entry at `serverSeq` that logged `table`/`row`/`field` at `hlc` from `site`.
    public static func of(serverSeq: Int64, table: String, row: String, field: String, hlc: Int64, site: String) -> String {
        let text = [String(serverSeq), table, row, field, String(hlc), site].map { "\($0.utf8.count):\($0)" }.joined()
        return SHA256.hash(Array(text.utf8)).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
