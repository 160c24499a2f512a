import CentralPostgres
import Foundation
import Testing

extension PostgresSuites {
    /// `clinicsync doctor --postgres URL` through the built binary: a healthy central database,
    /// and one that cannot be reached (exit 3, one report, never the password).
    @Suite(.needsPostgres) struct PostgresDoctorCLITests {
        @Test func aHealthyCentralDatabaseIsOk() async throws {
            let configuration = try TestDatabase.configuration()
            let central = try await TestDatabase.backend(configuration)
            _ = try await central.enroll(clinicID: "alpha")
            await central.shutdown()
            let url = try PostgresCentralCLITests.url(configuration)
            let run = try CLIProcess.run(["doctor", "--json", "--postgres", url])
            let report = try #require(try run.json() as? [String: Any], "\(run.stderr)")
            let checks = try #require(report["checks"] as? [[String: Any]])
            #expect(run.status == 0 && report["result"] as? String == "ok", "\(run.stdout)")
            #expect(checks.compactMap { $0["id"] as? String } == ["database", "health", "clinics", "conflicts"])
            #expect(checks.first { $0["id"] as? String == "clinics" }?["summary"] as? String == "1 enrolled")
        }

        @Test func anUnreachableDatabaseFailsWithExitThree() throws {
            let run = try CLIProcess.run(["doctor", "--postgres", "postgres://clinicsync:s3cret-pw@127.0.0.1:1/postgres?sslmode=disable"])
            #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("fail  database") && run.stdout.contains("127.0.0.1:1") && !run.stdout.contains("s3cret-pw"),
                    "\(run.stdout)")
        }
    }
}
