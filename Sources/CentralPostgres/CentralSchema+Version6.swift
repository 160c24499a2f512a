extension CentralSchema {
    /// Version 6, frozen (TRIAL; versions 4 and 5 are the backups and search branches'):
    /// `payer.phone`, wire schema version 2.
    static let version6: [String] = [
        "ALTER TABLE payer ADD COLUMN phone text",
    ]
}
