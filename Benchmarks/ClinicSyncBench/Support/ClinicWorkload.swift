import BillingModel
import ClinicStore
import Foundation

/// Generated clinic data of realistic shape: a few providers and payers, a patient panel,
/// and claims of one to a dozen lines (mostly one to three), E/M-heavy, with common
/// diagnoses. Seeded, so every run enters the same claims.
struct ClinicWorkload {
    /// Common billable ICD-10-CM codes of a family practice.
    static let diagnoses = [
        "I10", "E119", "E785", "Z0000", "Z0001", "J069", "M5450", "E6601", "F419", "F329", "K219", "N390",
        "R051", "J029", "E039", "M25561", "G4700", "R109", "J4520", "E1165", "I4891", "M170", "Z23", "B349",
        "R519", "L309", "H1013", "J301", "R0602", "M79604", "E559", "D649", "Z1231", "Z713", "R7303", "E871",
    ]
    /// Procedure codes from the bundled demo lists, E/M visits first.
    static let visits = ["99213", "99214", "99212", "99203", "99204", "99215", "99395", "99396", "99385", "99202"]
    static let procedures = ["36415", "81002", "85025", "80053", "83036", "87880", "93000", "71046", "90471",
                             "90686", "96372", "20610", "11102", "17110", "97110", "G0008", "J1100", "J3301", "G2211"]
    static let lineCounts = [1, 2, 3, 4, 5, 6, 8, 12]
    static let lineWeights = [30, 28, 18, 11, 6, 4, 2, 1]

    let patientIDs: [String]
    let payerIDs: [String]
    let npis: [String]

    /// Registers providers, payers and `patients` patients in `store` through its API.
    static func register(in store: LocalStore, patients: Int, seed: UInt64) throws -> ClinicWorkload {
        var random = SeededRandom(seed: seed)
        var npis: [String] = []
        for index in 0..<3 {
            let digits = [1, 9, 8, 7, 6, 5, 4, 3, index]
            let npi = digits.map(String.init).joined() + String(NPI.checkDigit(forFirstNine: digits))
            _ = try store.addProvider(ProviderInput(npi: npi, name: "Bench Provider \(index + 1)", taxID: "12345678\(index)"))
            npis.append(npi)
        }
        var payers: [String] = []
        for index in 0..<6 {
            let payer = try store.addPayer(payerID: "BENCH\(index)", name: "Bench Health Plan \(index)")
            payers.append(payer.id)
        }
        var patientIDs: [String] = []
        let firstNames = ["Ana", "Ben", "Cora", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "June"]
        let lastNames = ["Reyes", "Novak", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Kowalski"]
        for index in 0..<patients {
            let year = 1940 + Int.random(in: 0..<80, using: &random)
            let input = PatientInput(
                firstName: firstNames[index % firstNames.count], lastName: lastNames[(index / 10) % lastNames.count],
                dateOfBirth: String(format: "%04d-%02d-%02d", year, 1 + index % 12, 1 + index % 28),
                sex: index % 2 == 0 ? "F" : "M", memberID: "M\(100_000 + index)",
                address: "\(100 + index) Main St", city: "Springfield", state: "IL", zip: "62701")
            patientIDs.append(try store.addPatient(input).id)
        }
        return ClinicWorkload(patientIDs: patientIDs, payerIDs: payers, npis: npis)
    }

    /// Claims holding `lines` service lines in all (the last claim may be shorter).
    func claims(lines total: Int, seed: UInt64, serviceYear: Int = 2025) -> [ClaimEntry] {
        var random = SeededRandom(seed: seed)
        var entries: [ClaimEntry] = []
        var written = 0
        while written < total {
            let count = min(total - written, random.pick(Self.lineCounts, weights: Self.lineWeights))
            let dxCount = min(4, 1 + Int.random(in: 0..<3, using: &random))
            var dx: [String] = []
            while dx.count < dxCount {
                let code = Self.diagnoses.randomElement(using: &random)!
                if !dx.contains(code) { dx.append(code) }
            }
            let day = String(format: "%04d-%02d-%02d", serviceYear, 1 + Int.random(in: 0..<12, using: &random),
                             1 + Int.random(in: 0..<28, using: &random))
            var lines: [LineInput] = []
            for index in 0..<count {
                let code = index == 0 ? Self.visits.randomElement(using: &random)! : Self.procedures.randomElement(using: &random)!
                let modifiers = index == 0 && count > 1 && Int.random(in: 0..<3, using: &random) == 0 ? ["25"] : []
                let cents = 2_500 + Int.random(in: 0..<40_000, using: &random)
                lines.append(LineInput(procedureCode: code, modifiers: modifiers,
                                       units: index == 0 ? 1 : 1 + Int.random(in: 0..<2, using: &random),
                                       charge: String(format: "%d.%02d", cents / 100, cents % 100), serviceDate: day,
                                       diagnosisPointers: Array(1...min(dxCount, 1 + index % 3))))
            }
            let claim = ClaimInput(patientID: patientIDs.randomElement(using: &random)!,
                                   payer: payerIDs.randomElement(using: &random)!, billingNPI: npis[0],
                                   renderingNPI: npis.randomElement(using: &random)!, placeOfService: "11",
                                   diagnoses: dx)
            entries.append(ClaimEntry(claim: claim, lines: lines))
            written += count
        }
        return entries
    }
}
