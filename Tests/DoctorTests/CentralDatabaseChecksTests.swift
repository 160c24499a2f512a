import CommandSupport
import Doctor
import Testing

/// `clinicsync doctor --postgres URL`: the central database's checks from tables of facts.
@Suite struct CentralDatabaseChecksTests {
    static let now: Int64 = 1_780_000_000_000

    static func healthy() -> CentralDatabaseFacts {
        var facts = CentralDatabaseFacts(target: "postgres://office@db:5432/clinicsync (schema public)", nowMillis: now)
        facts.enrolledClinics = 3
        return facts
    }

    static let cases: [(String, @Sendable (inout CentralDatabaseFacts) -> Void, [String], [HealthResult], Int32)] = [
        ("healthy", { _ in }, ["database", "health", "clinics", "conflicts"], [.ok, .ok, .ok, .ok], 0),
        ("unreachable", { $0.connectError = "connection refused (127.0.0.1:1)" }, ["database"], [.fail], 3),
        ("not answering", { $0.healthError = "timeout" }, ["database", "health"], [.ok, .fail], 3),
        ("nobody enrolled", { $0.enrolledClinics = 0 }, ["database", "health", "clinics", "conflicts"], [.ok, .ok, .warn, .ok], 1),
        ("open conflicts", { $0.openConflicts = 2; $0.oldestConflictMillis = now - 3_600_000 },
         ["database", "health", "clinics", "conflicts"], [.ok, .ok, .ok, .warn], 1),
    ]

    @Test(arguments: 0..<cases.count)
    func eachStateHasItsChecksAndExitCode(_ index: Int) {
        let (label, change, ids, results, exitCode) = Self.cases[index]
        var facts = Self.healthy()
        change(&facts)
        let checks = DoctorChecks.central(facts)
        #expect(checks.map(\.id) == ids && checks.map(\.result) == results, "\(label): \(checks)")
        let report = DoctorReport(store: facts.target, role: "central-postgres", clinicId: nil, checks: checks)
        #expect(report.exitCode == exitCode, "\(label)")
        #expect(report.rendered().hasPrefix("central database: postgres://office@db:5432/clinicsync"))
    }
}
