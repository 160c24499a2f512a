import CLITesting
import Testing

/// Every suite of this target, one at a time: the restart tests stop the PostgreSQL server,
/// which nothing else may be using then. Each test works in a schema (or store file) of its own.
@Suite(.serialized, .timeLimit(.minutes(10))) struct PostgresSuites {}

extension Trait where Self == ConditionTrait {
    /// Runs only with a PostgreSQL server (`CLINICSYNC_POSTGRES_URL`, set by scripts/test.sh);
    /// under `CLINICSYNC_REQUIRE_ALL=1` it runs regardless and fails without one.
    static var needsPostgres: Self {
        .enabled(if: Requirements.runs(when: TestDatabase.isAvailable), "set CLINICSYNC_POSTGRES_URL (scripts/test.sh does)")
    }

    /// Runs only where the tests may stop and start the PostgreSQL server (`CLINICSYNC_POSTGRES_CTL`);
    /// under `CLINICSYNC_REQUIRE_ALL=1` it runs regardless and fails without it.
    static var controlsPostgres: Self {
        .enabled(if: Requirements.runs(when: TestDatabase.isControllable), "set CLINICSYNC_POSTGRES_CTL (scripts/test.sh does)")
    }
}
