import BillingModel
import ClinicStore
import Testing

/// At the central store every clinic's payers sit side by side, often with the same external
/// payer id (two clinics both bill plan 60054). A claim the central office edits may only point
/// at a payer its clinic has — the clinic's own or a shared central one — never at another
/// clinic's, which the clinic would never receive.
@Suite struct CentralPayerScopeTests {
    @Test func theCentralOfficeSetsAPayerOfTheClaimsOwnClinic() throws {
        let central = try SyncHarness.central()
        let alpha = try TestStores.clinic("clinic-a", seed: 1)
        let beta = try TestStores.clinic("clinic-b", seed: 2)
        // Both clinics have a payer with external id PAYER01 (seedClaim adds one), and beta one more.
        let alphaClaim = try TestStores.seedClaim(in: alpha)
        let betaClaim = try TestStores.seedClaim(in: beta)
        let onlyBeta = try beta.addPayer(payerID: "ONLYB", name: "Beta's Own Plan")
        let shared = try central.addPayer(payerID: "SHARED1", name: "Shared Plan")
        for clinic in [alpha, beta] {
            _ = try central.enroll(clinicID: clinic.identity.clinicID)
            try SyncHarness.sync(clinic, with: central)
        }

        let alphaPayer = try alpha.payer("PAYER01"), betaPayer = try beta.payer("PAYER01")
        #expect(alphaPayer.id != betaPayer.id)
        #expect(try central.setClaimField(alphaClaim.id, field: .payer, value: "PAYER01").payerID == alphaPayer.id)
        #expect(try central.setClaimField(betaClaim.id, field: .payer, value: "PAYER01").payerID == betaPayer.id)
        #expect(try central.setClaimField(alphaClaim.id, field: .payer, value: "SHARED1").payerID == shared.id)

        // Another clinic's payer, by external id or by record id: not found, and nothing changes.
        let before = try central.claim(alphaClaim.id)
        for key in ["ONLYB", onlyBeta.id] {
            #expect(throws: StoreError.notFound(entity: "payer", id: key)) {
                try central.setClaimField(alphaClaim.id, field: .payer, value: key)
            }
        }
        #expect(try central.claim(alphaClaim.id) == before)

        // The clinic receives the central office's edit and can resolve the payer it points at.
        try SyncHarness.sync(alpha, with: central)
        #expect(try alpha.claim(alphaClaim.id).payerID == shared.id)
        #expect(try alpha.payer(shared.id).payerID == "SHARED1")
    }
}
