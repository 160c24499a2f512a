import Testing

/// Every suite of this target, one at a time: the restart tests stop the PostgreSQL server,
/// which nothing else may be using then. Each test works in a schema (or store file) of its own.
@Suite(.serialized) struct PostgresSuites {}

extension Trait where Self == ConditionTrait {
    /// Runs only with a PostgreSQL server (`CLINICSYNC_POSTGRES_URL`, set by scripts/test.sh).
    static var needsPostgres: Self {
        .enabled(if: TestDatabase.isAvailable, "set CLINICSYNC_POSTGRES_URL (scripts/test.sh does)")
    }
}
