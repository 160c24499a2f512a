import Testing

/// Every suite that needs the PostgreSQL server, one at a time: the restart tests stop the
/// server, which nothing else may be using then. Each test works in a schema of its own.
@Suite(.serialized, .enabled(if: TestDatabase.isAvailable, "set CLINICSYNC_POSTGRES_URL (scripts/test.sh does)"))
struct PostgresSuites {}
