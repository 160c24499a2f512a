import CLITesting
import BillingModel
import CentralPostgres
import ClinicStore
import Foundation
import SyncModel
import Testing

extension PostgresSuites {
    /// `codes impact` at the PostgreSQL central node: the same report as a SQLite store holding
    /// the same claims and releases, in the library and through the built binary with `--postgres`.
    @Suite(.needsPostgres) struct CentralReleaseImpactTests {
        @Test func theCentralOfficeOnPostgreSQLSeesTheOpenClaimsAReleaseTouches() async throws {
            let configuration = try TestDatabase.configuration()
            let central = try await TestDatabase.backend(configuration)
            let office = try LocalStore.inMemory(role: .central, clinicID: LocalStore.centralOwner, ids: .seeded(5))
            for (name, from, text) in [("CPT-2025", "2025-01-01", "code,description\n99201,Old visit\n99213,Visit\n"),
                                       ("CPT-2026", "2026-01-01", "code,description\n99213,Visit\n99215,Long visit\n")] {
                _ = try office.importRelease(ReleaseImport(system: .cpt, name: name, effectiveFrom: CalendarDate(from)!,
                                                           sourceName: "\(name).csv"), bytes: Array(text.utf8))
            }
            #expect(try await central.publishReleases(from: office) == 2)

            let alpha = try Clinic.store("alpha", seed: 1)
            let untouched = try CentralEndToEndTests.seed(alpha)
            let touched = try alpha.newClaim(ClaimInput(patientID: untouched.patientID, payer: untouched.payerID,
                                                        billingNPI: "1234567893", diagnoses: ["E11.9"]))
            _ = try alpha.addLine(claim: touched.id, LineInput(procedureCode: "99201", units: 1, charge: "60",
                                                               serviceDate: "2026-01-05"))
            try await central.sync(alpha)
            for release in try office.publishedReleases() { try alpha.importReleaseFile(office.releaseFile(id: release.id)) }

            let atPostgres = try await central.releaseImpact("CPT-2026")
            let atClinic = try alpha.releaseImpact("CPT-2026")
            #expect(atPostgres.claims.map(\.id) == [touched.id])
            #expect(atPostgres.claims == atClinic.claims)
            #expect(atPostgres.deletedCodes == 1 && atPostgres.openClaims == 2 && atPostgres.previous?.name == "CPT-2025")
            #expect(atPostgres.claims.first?.impacts.map(\.code) == ["99201"])

            let url = try PostgresCentralCLITests.url(configuration)
            let cli = try CLIProcess.run(["codes", "impact", "--release", "CPT-2026", "--json", "--postgres", url])
            let claims = try #require((try cli.json() as? [String: Any])?["claims"] as? [[String: Any]], "\(cli)")
            #expect(claims.map { $0["id"] as? String } == [touched.id] && claims.first?["clinic"] as? String == "alpha")
            let unknown = try CLIProcess.run(["codes", "impact", "--release", "CPT-2099", "--postgres", url])
            #expect(unknown.refused("release CPT-2099 not found"), "\(unknown)")
            await central.shutdown()
        }
    }
}
