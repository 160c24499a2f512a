import BillingModel
import ClinicStore
import Foundation

/// Fresh stores and sample records for tests.
enum TestStores {
    /// 2025-03-01T12:00:00Z, so dates of service in early 2025 are in the past.
    static let epochMillis: Int64 = 1_740_830_400_000

    static func clinic(_ id: String = "clinic-a", seed: UInt64 = 1) throws -> LocalStore {
        try LocalStore.inMemory(role: .clinic, clinicID: id, clock: ManualClock(millis: epochMillis), ids: .seeded(seed))
    }

    /// A store file in a new temporary folder.
    static func file(role: StoreRole = .clinic, clinicID: String = "clinic-a") throws -> (LocalStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("store.sqlite").path
        return (try LocalStore.create(at: path, role: role, clinicID: clinicID, clock: ManualClock(millis: epochMillis),
                                      ids: .seeded(7)), folder)
    }

    /// A patient, a provider, a payer and a coded claim with two lines.
    @discardableResult
    static func seedClaim(in store: LocalStore) throws -> Claim {
        let patient = try store.addPatient(PatientInput(firstName: "Jane", lastName: "Doe", dateOfBirth: "1980-01-01",
                                                        sex: "F", memberID: "M123"))
        _ = try store.addProvider(ProviderInput(npi: "1234567893", name: "Demo Family Practice", taxID: "123456789",
                                                address: "100 Main St", city: "Springfield", state: "IL", zip: "62701"))
        _ = try store.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "PAYER01", billingNPI: "1234567893",
                                                  diagnoses: ["E11.9", "I10"]))
        _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", modifiers: ["25"], units: 1,
                                                         charge: "100.00", serviceDate: "2025-01-10",
                                                         diagnosisPointers: [1, 2]))
        _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "36415", units: 1, charge: "25.00",
                                                         serviceDate: "2025-01-10", diagnosisPointers: [1]))
        return try store.claim(claim.id)
    }
}
