import BillingModel
import CommandSupport

/// A claim as `--json` prints it: fields under their snake_case names (DESIGN §6).
struct ClaimView: Encodable {
    /// A service line as `--json` prints it (in a claim's `lines`, or alone after `claim line add|set`).
    struct Line: Encodable {
        var id: String
        var lineNumber: Int
        var code: String
        var modifiers: [String]
        var units: Int
        var chargeCents: Int64
        var date: String
        var dateTo: String?
        var dxPointers: [Int]
        var pos: String?
    }

    var id: String
    var claimNumber: String
    var clinicId: String
    var status: String
    var round: Int
    var patientId: String
    var payerId: String
    var billingNpi: String
    var renderingNpi: String?
    var pos: String
    var diagnoses: [String]
    var frequency: String
    var payerClaimNumber: String?
    var totalChargeCents: Int64
    var notes: String
    var originalClaimId: String?
    var lines: [Line]

    init(_ claim: Claim) {
        id = claim.id
        claimNumber = claim.claimNumber
        clinicId = claim.clinicID
        status = claim.lifecycle.stage.name
        round = claim.lifecycle.round
        patientId = claim.patientID
        payerId = claim.payerID
        billingNpi = claim.billingNPI
        renderingNpi = claim.renderingNPI
        pos = claim.placeOfService
        diagnoses = claim.diagnoses
        frequency = claim.frequency.rawValue
        payerClaimNumber = claim.payerClaimNumber
        totalChargeCents = claim.totalChargeCents
        notes = claim.notes
        originalClaimId = claim.originalClaimID
        lines = claim.lines.map {
            Line(id: $0.id, lineNumber: $0.lineNumber, code: $0.procedureCode, modifiers: $0.modifiers, units: $0.units,
                 chargeCents: $0.chargeCents, date: $0.serviceDate.description, dateTo: $0.serviceDateTo?.description,
                 dxPointers: $0.diagnosisPointers, pos: $0.placeOfService)
        }
    }
}

extension Claim {
    /// The human rendering of `claim show`: patient, payer and providers by name; every value
    /// that came from elsewhere made terminal-safe.
    func humanDescription(_ names: RowNames) -> String {
        let clean: (String) -> String = { TerminalText.clean($0) }
        var text = """
            Claim \(claimNumber)  (\(id))
              status:    \(lifecycle)
              patient:   \(clean(names.patient(patientID)))
              payer:     \(clean(names.payer(payerID)))
              billing:   \(clean(names.provider(npi: billingNPI)))\(renderingNPI.map { "\n  rendering: \(clean(names.provider(npi: $0)))" } ?? "")
              pos:       \(placeOfService)   frequency: \(frequency.rawValue)\(payerClaimNumber.map { "   payer claim #: \(clean($0))" } ?? "")
              diagnoses: \(diagnoses.enumerated().map { "\($0.offset + 1). \(DiagnosisCode.display($0.element))" }.joined(separator: "  "))
              total:     \(Money.dollars(totalChargeCents))
            """
        if !notes.isEmpty { text += "\n  notes:     \(clean(notes))" }
        text += "\n\n" + Table(
            headers: ["LINE", "CODE", "MODIFIERS", "UNITS", "CHARGE", "DATE", "DX"],
            rows: lines.map { line in
                [String(line.lineNumber), line.procedureCode, line.modifiers.joined(separator: " "), String(line.units),
                 Money.dollars(line.chargeCents),
                 line.serviceDate.description + (line.serviceDateTo.map { " to \($0)" } ?? ""),
                 line.diagnosisPointers.map(String.init).joined(separator: ",")]
            }).render(empty: "  (no lines yet: add one with `clinicsync claim line add`)")
        return text
    }
}
