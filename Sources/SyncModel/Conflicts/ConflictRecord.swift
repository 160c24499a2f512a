import BillingModel

/// A conflict kept for people to see and resolve: which field, which value won, which lost.
///
/// Conflict records are synced rows of the `conflict` table, owned by the conflicted row's
/// owner, so the central office and the owning clinic see the same ones. The ``id`` is
/// derived from (kind, table, row, field, loser version), so the same conflict found at two
/// replicas is one record (see ``ConflictRecord/id(kind:table:row:field:loser:)``).
public struct ConflictRecord: Hashable, Sendable, Codable, Identifiable {
    /// One side of a conflict: a value and the version that wrote it.
    public struct Side: Hashable, Sendable, Codable {
        /// The value.
        public var value: FieldValue
        /// The write that produced it; `nil` only for the winning side of a parked line
        /// insert (the row did not exist).
        public var version: Version?

        /// A side from its parts.
        public init(value: FieldValue, version: Version?) {
            self.value = value
            self.version = version
        }
    }

    /// The deterministic id (UUID format).
    public var id: String
    /// Why it exists.
    public var kind: ConflictKind
    /// The conflicted row's table.
    public var table: String
    /// The conflicted row's id.
    public var row: String
    /// The conflicted row's owner, which is also the record's owner.
    public var owner: String
    /// The conflicted field; `*` for a parked line insert.
    public var field: String
    /// The side that is the current value (for a deletion conflict: the tombstone, `deleted = 1`).
    public var winner: Side
    /// The side that was kept out: the overwritten value, the parked change, the deleted edit.
    /// For a parked line insert its value is the row's columns as JSON text.
    public var loser: Side
    /// One line for people (no patient data).
    public var message: String
    /// Open or resolved.
    public var status: ConflictStatus

    /// A record from its parts; the id is derived, the message made up when not given.
    public init(kind: ConflictKind, table: String, row: String, owner: String, field: String,
                winner: Side, loser: Side, message: String? = nil, status: ConflictStatus = .open) {
        self.id = Self.id(kind: kind, table: table, row: row, field: field, loser: loser.version)
        self.kind = kind
        self.table = table
        self.row = row
        self.owner = owner
        self.field = field
        self.winner = winner
        self.loser = loser
        self.message = message ?? Self.message(kind: kind, table: table, field: field, winner: winner,
                                               loser: loser, submitted: nil)
        self.status = status
    }

    /// A record about `change`'s row, as the merge makes it.
    init(kind: ConflictKind, change: Change, field: String, winner: Side, loser: Side,
         submitted: ClaimLifecycle? = nil) {
        self.init(kind: kind, table: change.table, row: change.row, owner: change.owner, field: field,
                  winner: winner, loser: loser,
                  message: Self.message(kind: kind, table: change.table, field: field, winner: winner,
                                        loser: loser, submitted: submitted))
    }

    /// The id of the conflict of `kind` on `table.field` of `row` whose losing write is
    /// `loser`: SHA-256 of those parts, the first 16 bytes formatted as a version-8 UUID.
    /// The same at every replica and in every process.
    public static func id(kind: ConflictKind, table: String, row: String, field: String,
                          loser: Version?) -> String {
        let parts = ["clinicsync-conflict-v1", kind.rawValue, table, row, field, loser?.token ?? ""]
        var bytes = Array(SHA256.hash(Array(parts.joined(separator: "\u{0}").utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let cuts = [8, 12, 16, 20]
        var result = ""
        for (offset, character) in hex.enumerated() {
            if cuts.contains(offset) { result.append("-") }
            result.append(character)
        }
        return result
    }

    /// The sentence a record carries. Names sites, tables and fields, never values (values
    /// may be patient data).
    static func message(kind: ConflictKind, table: String, field: String, winner: Side, loser: Side,
                        submitted: ClaimLifecycle?) -> String {
        let loserSite = loser.version.map { "site \($0.site)" } ?? "another site"
        let winnerSite = winner.version.map { "site \($0.site)" } ?? "another site"
        let state = submitted.map { "is \($0)" } ?? "was submitted"
        switch kind {
        case .concurrentEdit:
            return "\(table).\(field) was changed at \(winnerSite) and \(loserSite) at the same time; "
                + "the later change (\(winnerSite)) was kept and the other value is saved in this conflict"
        case .submittedClaim where field == SyncSchema.rowInsertField:
            return "a \(table) added at \(loserSite) reached a claim that \(state); the line is kept deleted. "
                + "To change a submitted claim's coding, send a replacement claim (frequency 7)"
        case .submittedClaim:
            return "a change to \(table).\(field) from \(loserSite) reached a claim that \(state) and was not "
                + "applied. To change a submitted claim's coding, send a replacement claim (frequency 7)"
        case .deleteVersusEdit:
            return "the \(table) row was deleted at \(winnerSite) while \(field) was changed at \(loserSite); "
                + "the row stays deleted and the edit is saved in this conflict"
        }
    }
}
