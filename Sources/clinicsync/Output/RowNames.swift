import ClinicStore

/// Names instead of ids in human output: what ``ClinicStore/LocalStore/rowLabel(table:row:)``
/// says, or the short id when the store does not hold the row (or there is no store file,
/// as with `--postgres`).
struct RowNames {
    /// The store to ask, if any.
    let store: LocalStore?

    /// The label of `row` in `table`, else `table` and the first 8 characters of the id.
    func label(_ table: String, _ row: String) -> String {
        (try? store?.rowLabel(table: table, row: row)) ?? "\(table) \(row.prefix(8))"
    }

    /// A patient's `Last, First`, else the id.
    func patient(_ id: String) -> String { (try? store?.rowLabel(table: "patient", row: id)) ?? id }
    /// A payer's `Name (PAYER ID)`, else the id.
    func payer(_ id: String) -> String { (try? store?.rowLabel(table: "payer", row: id)) ?? id }
    /// A provider's `Name (NPI n)`, else `NPI n`.
    func provider(npi: String) -> String { (try? store?.rowLabel(table: "provider", row: npi)) ?? "NPI \(npi)" }
}
