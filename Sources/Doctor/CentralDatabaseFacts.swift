/// What `clinicsync doctor --postgres URL` found out about a central node's PostgreSQL
/// database, gathered at the edge (connect, ping, two reads) for the pure checks.
public struct CentralDatabaseFacts: Sendable, Equatable {
    /// The database as the report names it (`postgres://office@db:5432/clinicsync (schema public)`; never the password).
    public var target: String
    /// Why connecting (and migrating) failed, if it did (the other facts are then empty).
    public var connectError: String?
    /// Why the health ping failed, if it did.
    public var healthError: String?
    /// Clinics enrolled, when read.
    public var enrolledClinics: Int?
    /// Open conflicts, and when the newest side of the oldest one was written (ms since 1970).
    public var openConflicts = 0, oldestConflictMillis: Int64?
    /// The local clock when the facts were gathered (ms since 1970).
    public var nowMillis: Int64

    /// Facts about `target` as of `nowMillis`; the gatherer fills in the rest.
    public init(target: String, nowMillis: Int64) {
        self.target = target
        self.nowMillis = nowMillis
    }
}

extension DoctorChecks {
    /// The checks of a central node's PostgreSQL database: connected, healthy, clinics
    /// enrolled, open conflicts.
    public static func central(_ facts: CentralDatabaseFacts, policy: DoctorPolicy = DoctorPolicy()) -> [HealthCheck] {
        if let error = facts.connectError {
            return [HealthCheck(id: "database", result: .fail, area: .network, summary: "cannot connect: \(error)",
                                advice: "check the URL, that the server runs and the password ($PGPASSWORD)")]
        }
        var checks = [HealthCheck(id: "database", result: .ok, area: .network, summary: "connected to \(facts.target)")]
        if let error = facts.healthError {
            checks.append(HealthCheck(id: "health", result: .fail, area: .network, summary: "does not answer: \(error)",
                                      advice: "the database is down or overloaded; clinics get 503 until it is back"))
            return checks
        }
        checks.append(HealthCheck(id: "health", result: .ok, area: .network, summary: "answers"))
        switch facts.enrolledClinics {
        case nil:
            checks.append(HealthCheck(id: "clinics", result: .skipped, area: .sync, summary: "not read"))
        case 0?:
            checks.append(HealthCheck(id: "clinics", result: .warn, area: .sync, summary: "no clinic enrolled",
                                      advice: "clinicsync admin enroll --clinic ID --postgres URL, or through a serve process"))
        case let count?:
            checks.append(HealthCheck(id: "clinics", result: .ok, area: .sync, summary: "\(count) enrolled"))
        }
        checks.append(conflicts(open: facts.openConflicts, oldestMillis: facts.oldestConflictMillis, now: facts.nowMillis,
                                policy: policy))
        return checks
    }
}
