import BillingModel
import CLITesting
import ClinicStore
import Foundation

/// The writes a coder makes, through the store API, as the crash tests' workload.
enum Workload {
    /// Registers `count` patients; returns their ids.
    @discardableResult
    static func addPatients(_ count: Int, at store: LocalStore, tag: String) throws -> [String] {
        try (0..<count).map { index in
            try store.addPatient(PatientInput(firstName: "P\(index)", lastName: tag, dateOfBirth: "1970-01-01",
                                              sex: index % 2 == 0 ? "F" : "M", memberID: "\(tag)-\(index)")).id
        }
    }

    /// A provider, a payer, a patient and a claim with one line; returns the claim id.
    static func seedClaim(at store: LocalStore, tag: String) throws -> String {
        let patient = try store.addPatient(PatientInput(firstName: "Jane", lastName: tag, dateOfBirth: "1980-01-01",
                                                        sex: "F", memberID: "M-\(tag)"))
        if try store.provider(npi: "1234567893") == nil {
            _ = try store.addProvider(ProviderInput(npi: "1234567893", name: "Demo Family Practice"))
        }
        if (try? store.payer("PAYER01")) == nil { _ = try store.addPayer(payerID: "PAYER01", name: "Demo Health Plan") }
        let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "PAYER01", billingNPI: "1234567893",
                                                  diagnoses: ["E11.9"]))
        _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", units: 1, charge: "100.00",
                                                         serviceDate: "2025-01-10", diagnosisPointers: [1]))
        return claim.id
    }

    /// One random edit: a note on a known claim, a new line, or a new patient.
    static func randomEdit(at store: LocalStore, claims: [String], random: inout SeededRandom, tag: String) throws {
        let roll = random.next() % 10
        if roll < 5, !claims.isEmpty {
            let claim = claims[Int(random.next() % UInt64(claims.count))]
            _ = try store.setClaimField(claim, field: .notes, value: "\(tag) note \(random.next() % 1000)")
        } else if roll < 7, !claims.isEmpty {
            let claim = claims[Int(random.next() % UInt64(claims.count))]
            do {
                _ = try store.addLine(claim: claim, LineInput(procedureCode: "36415", units: Int(random.next() % 3) + 1,
                                                              charge: "25.00", serviceDate: "2025-01-10", diagnosisPointers: [1]))
            } catch StoreError.notAllowed {
                // A claim takes at most 50 lines.
            }
        } else {
            try addPatients(1, at: store, tag: "\(tag)-\(random.next() % 100_000)")
        }
    }
}
