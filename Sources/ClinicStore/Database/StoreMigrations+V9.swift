/// Migration v9, frozen (TRIAL): `payer.phone`, wire schema version 2. The capture triggers
/// of `payer` log the new column: the insert trigger is made again with it, and it gets its own
/// update trigger.
enum V9 {
    static let payerColumns = ["owner", "payer_id", "name", "filing_indicator", "phone", "deleted"]

    static var statements: [String] {
        let triggers = V1.triggers(table: "payer", columns: payerColumns)
        return [
            "ALTER TABLE payer ADD COLUMN phone TEXT",
            "DROP TRIGGER capture_payer_insert",
            triggers[0],
        ] + triggers.filter { $0.contains("CREATE TRIGGER capture_payer_phone ") }
    }
}
