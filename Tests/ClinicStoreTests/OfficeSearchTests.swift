import BillingModel
import ClinicStore
import Foundation
import Testing

/// The office's own side of search (issue 26): its synonyms, the licensed procedure file it
/// imports, and its favorites, on a store of the full FY2025 ICD-10-CM.
@Suite struct OfficeSearchTests {
    static let day = CalendarDate("2025-02-01")!

    static func store() throws -> LocalStore {
        let store = try TestStores.clinic()
        _ = try store.loadBundledCodebooks(only: [.icd10cm, .cpt])
        return store
    }

    @Test func officeSynonymsSearchAndBadOnesChangeNothing() throws {
        let store = try Self.store()
        #expect(try store.searchCodes("sugar check", on: Self.day).first?.code != "83036")
        let added = try store.addSynonym(term: "Sugar  Check", alternatives: ["hemoglobin a1c"])
        #expect(added.term == "sugar check")
        #expect(try store.searchCodes("sugar check", on: Self.day).first?.code == "83036")
        // An office entry replaces the shipped reading of the same term.
        #expect(try store.searchCodes("htn", on: Self.day).first?.code == "I10")
        try store.addSynonym(term: "htn", alternatives: ["hypertensive heart disease without heart failure"])
        #expect(try store.searchCodes("htn", on: Self.day).first?.code == "I119")

        #expect(throws: StoreError.self) { try store.addSynonym(term: "xq", alternatives: ["zzqxw nonsense"]) }
        #expect(throws: StoreError.self) { try store.addSynonym(term: "  ", alternatives: ["fever"]) }
        #expect(try store.officeSynonyms().map(\.term) == ["htn", "sugar check"])
    }

    @Test func synonymsApplyToALicensedProcedureFileTheOfficeImports() throws {
        let store = try Self.store()
        let file = "code,description\n93005,Electrocardiogram tracing without interpretation (test wording)\n"
        _ = try store.importRelease(ReleaseImport(system: .cpt, name: "CPT-OFFICE", effectiveFrom: CalendarDate("2025-01-01")!,
                                                  sourceName: "office.csv"), bytes: Array(file.utf8))
        #expect(try store.searchCodes("ekg", system: .cpt, on: Self.day).map(\.code).contains("93005"))
    }

    @Test func favoritesRiseBoundedAndNeverAboveAnExactCode() throws {
        let store = try Self.store()
        func rank(_ code: String, _ query: String) throws -> Int {
            try store.searchCodes(query, on: Self.day, limit: 200).firstIndex { $0.code == code } ?? 200
        }
        let before = try rank("I119", "hypertensive")
        let codeListBefore = try store.searchCodes("I1", on: Self.day).map(\.code)
        #expect(try store.favoriteCodes().isEmpty)

        let patient = try store.addPatient(PatientInput(firstName: "Jane", lastName: "Doe", dateOfBirth: "1980-01-01",
                                                        sex: "F", memberID: "M123"))
        _ = try store.addProvider(ProviderInput(npi: "1234567893", name: "Demo Family Practice", taxID: "123456789",
                                                address: "100 Main St", city: "Springfield", state: "IL", zip: "62701"))
        _ = try store.addPayer(payerID: "PAYER01", name: "Demo Health Plan")
        for _ in 0..<7 {
            let claim = try store.newClaim(ClaimInput(patientID: patient.id, payer: "PAYER01", billingNPI: "1234567893",
                                                      diagnoses: ["I11.9"]))
            _ = try store.addLine(claim: claim.id, LineInput(procedureCode: "99213", units: 1, charge: "100.00",
                                                             serviceDate: "2025-01-10", diagnosisPointers: [1]))
        }
        let favorites = try store.favoriteCodes()
        #expect(favorites.first { $0.code == "I119" }?.uses == 7)
        #expect(favorites.first { $0.code == "I119" }?.boost == FavoriteCode.maximumBoost)
        #expect(favorites.first { $0.code == "99213" }?.kind == .procedure)

        let after = try rank("I119", "hypertensive")
        #expect(after < before && after == 0, "I11.9 at \(before) before, \(after) after")
        // Bounded: a code query lists as before (the exact code first), and a query whose words
        // name another code still finds that code first.
        #expect(try store.searchCodes("I1", on: Self.day).map(\.code) == codeListBefore)
        #expect(try store.searchCodes("I11.9", on: Self.day).first?.code == "I119")
        #expect(try store.searchCodes("essential hypertension", on: Self.day).first?.code == "I10")
    }
}
