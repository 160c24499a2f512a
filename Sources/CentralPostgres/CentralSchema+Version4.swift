extension CentralSchema {
    /// Version 4, frozen: each clinic site's highest answered sequence (accepted or refused) and
    /// the fingerprint of that change, which a clinic checks its site's standing against and a
    /// push's base is compared with (issue 28), as in the SQLite store's v7. Beside
    /// `site_progress`, which a refusal never moves; carried over from it with no fingerprint.
    static let version4: [String] = [
        "CREATE TABLE site_answer (site text PRIMARY KEY, answered_seq bigint NOT NULL, digest text)",
        "INSERT INTO site_answer (site, answered_seq, digest) SELECT site, max_seq, NULL FROM site_progress",
    ]
}
