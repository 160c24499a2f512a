import BillingModel
import ClinicStore
import Testing

/// What a person calls a synced row in human output (`claim show`, `conflicts list`).
@Suite struct RowLabelTests {
    @Test func rowsAreNamedTheWayAPersonNamesThem() throws {
        let store = try LocalStore.inMemory()
        let patient = try store.addPatient(PatientInput(firstName: "Ana", lastName: "Ruiz", dateOfBirth: "1990-02-03", sex: "F",
                                                        memberID: "MX1"))
        let payer = try store.addPayer(payerID: "PAYER01", name: "Prairie Plan")
        let provider = try store.addProvider(ProviderInput(npi: "1234567893", name: "Alpha Family Practice"))
        let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "PAYER01", billingNPI: "1234567893",
                                                  placeOfService: "11", diagnoses: ["I10"], notes: ""))
        let line = try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", units: 1, charge: "100.00",
                                                                serviceDate: "2025-01-10"))
        #expect(try store.rowLabel(table: "patient", row: patient.id) == "Ruiz, Ana")
        #expect(try store.rowLabel(table: "payer", row: payer.id) == "Prairie Plan (PAYER01)")
        #expect(try store.rowLabel(table: "payer", row: "PAYER01") == "Prairie Plan (PAYER01)")
        #expect(try store.rowLabel(table: "provider", row: "1234567893") == "Alpha Family Practice (NPI 1234567893)")
        #expect(try store.rowLabel(table: "provider", row: provider.id) == "Alpha Family Practice (NPI 1234567893)")
        #expect(try store.rowLabel(table: "claim", row: claim.id) == "claim \(claim.claimNumber)")
        #expect(try store.rowLabel(table: "service_line", row: line.id) == "claim \(claim.claimNumber) line 1")
        #expect(try store.rowLabel(table: "claim", row: "no-such-row") == nil)
        #expect(try store.rowLabel(table: "conflict", row: claim.id) == nil)
    }
}
