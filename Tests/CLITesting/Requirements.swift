import Foundation

/// What a test needs from the machine (a PostgreSQL server, a tmpfs mount, `openssl`, …) and
/// whether this run may skip a test when it is missing.
///
/// A developer's run skips such a test and says why. Under `CLINICSYNC_REQUIRE_ALL=1` (set by
/// `scripts/test.sh`, so CI never skips) the test runs anyway and ``check(_:_:)`` fails it with
/// the missing part named, so a missing install step can no longer pass as a skip.
public enum Requirements {
    /// Whether every requirement must be met (`CLINICSYNC_REQUIRE_ALL=1`).
    public static let all = ProcessInfo.processInfo.environment["CLINICSYNC_REQUIRE_ALL"] == "1"

    /// Whether a test whose requirement is `met` runs: always under ``all``, else when met.
    public static func runs(when met: Bool) -> Bool { met || all }

    /// Throws ``Missing`` naming `what` when the requirement is not met.
    public static func check(_ met: Bool, _ what: String) throws {
        guard met else { throw Missing(what: what) }
    }

    /// A requirement this run does not meet.
    public struct Missing: Error, CustomStringConvertible {
        /// What is missing, as a person would install or set it.
        public var what: String
        public var description: String { "this test needs \(what) (CLINICSYNC_REQUIRE_ALL=1 forbids skipping it)" }
    }
}
