import CLITesting
import BillingModel
import ClinicStore
import Testing

/// Seeded property: whatever claims a coder enters, those the scrubber passes export to a
/// file pyx12 accepts.
@Suite struct X12ExportPropertyTests {
    typealias F = SubmissionFixtures

    static let procedures = ["99202", "99213", "99214", "99215", "99395", "36415", "81002", "85025", "80053", "83036",
                             "87880", "93000", "71046", "90471", "90686", "96372", "20610", "11102", "17110", "97110",
                             "0001A", "3074F", "G0439", "G0008"]
    static let modifiers = ["25", "59", "XS", "RT", "LT", "26", "TC", "76", "95", "22", "GT", "FA"]
    static let places = ["11", "11", "11", "22", "02", "12"]

    @Test(arguments: [UInt64(11), 23, 42])
    func randomCleanClaimsAlwaysExportToAFilePyx12Accepts(seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        let store = try F.store(seed: seed)
        _ = try store.updateExportSettings(X12ExportTests.settings)
        let people = try F.people(in: store)
        let start = try #require(CalendarDate("2024-10-01"))

        var passed: [Claim] = []
        for _ in 0..<12 {
            let patient = Bool.random(using: &random) ? people.subscriber : people.child
            let diagnoses = Array(F.billableDiagnoses.shuffled(using: &random).prefix(Int.random(in: 1...12, using: &random)))
            let lineCount = Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: 20...50, using: &random)
                                                                      : Int.random(in: 1...6, using: &random)
            let lines = (0..<lineCount).map { _ -> LineInput in
                let code = Self.procedures.randomElement(using: &random)!
                let pointers = Array((1...diagnoses.count).shuffled(using: &random)
                    .prefix(Int.random(in: 1...min(4, diagnoses.count), using: &random)))
                let modifiers = Array(Self.modifiers.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
                let cents = code.hasSuffix("F") && Bool.random(using: &random) ? 0 : Int.random(in: 100...90_000, using: &random)
                let date = start.adding(days: Int.random(in: 0...140, using: &random))
                var line = F.line(code, modifiers, units: Int.random(in: 1...3, using: &random),
                                  charge: "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)",
                                  date: date.description, pointers: pointers)
                if Int.random(in: 0..<5, using: &random) == 0 { line.placeOfService = Self.places.randomElement(using: &random) }
                if Int.random(in: 0..<8, using: &random) == 0 { line.serviceDateTo = date.adding(days: 1).description }
                return line
            }
            let claim = try store.newClaim(ClaimInput(
                patientID: patient.id, payer: "60054", billingNPI: F.billingNPI,
                renderingNPI: Bool.random(using: &random) ? F.renderingNPI : nil,
                placeOfService: Self.places.randomElement(using: &random)!, diagnoses: diagnoses))
            for line in lines { _ = try store.addLine(claim: claim.id, line) }
            let check = try store.checkClaim(claim.id)
            if !check.hasErrors { passed.append(check.claim) }
        }
        #expect(passed.count >= 3, "too few random claims passed the scrubber to test the export")

        let export = try store.exportX12(passed.map(\.id))
        #expect(export.claims.count == passed.count)
        try X12Validator.expectAccepted(export.text, name: "random-\(seed)")
    }
}
