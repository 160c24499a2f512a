import BillingModel
import ClinicStore

/// Names instead of ids in human output: the labels the central office gave
/// (``ClinicStore/CentralOffice/rowLabels(_:)``), else what ``ClinicStore/LocalStore/rowLabel(table:row:)``
/// says, or the short id when neither holds the row.
struct RowNames: Sendable {
    /// The store to ask, if any.
    var store: LocalStore?
    /// Labels fetched ahead from the central office (PostgreSQL or a store file).
    var labels: [RowReference: String] = [:]

    /// Names looked up in `store` as they are asked for.
    init(store: LocalStore?) { self.store = store }

    /// Names fetched ahead: each of `rows` as `office` labels it (none when the lookup fails:
    /// names are a courtesy, the ids stay).
    static func load(_ office: any CentralOffice, _ rows: [RowReference]) async -> RowNames {
        var names = RowNames(store: nil)
        names.labels = (try? await office.rowLabels(rows)) ?? [:]
        return names
    }

    /// The rows a claim names: its patient, payer and providers.
    static func references(of claim: Claim) -> [RowReference] {
        [RowReference("patient", claim.patientID), RowReference("payer", claim.payerID),
         RowReference("provider", claim.billingNPI)] + (claim.renderingNPI.map { [RowReference("provider", $0)] } ?? [])
    }

    private func lookup(_ table: String, _ row: String) -> String? {
        labels[RowReference(table, row)] ?? (try? store?.rowLabel(table: table, row: row)) ?? nil
    }

    /// The label of `row` in `table`, else `table` and the first 8 characters of the id.
    func label(_ table: String, _ row: String) -> String { lookup(table, row) ?? "\(table) \(row.prefix(8))" }

    /// A patient's `Last, First`, else the id.
    func patient(_ id: String) -> String { lookup("patient", id) ?? id }
    /// A payer's `Name (PAYER ID)`, else the id.
    func payer(_ id: String) -> String { lookup("payer", id) ?? id }
    /// A provider's `Name (NPI n)`, else `NPI n`.
    func provider(npi: String) -> String { lookup("provider", npi) ?? "NPI \(npi)" }
}
