import ClinicStore

/// What `clinicsync --version`, `clinicsync version` and the `version` line of `status` say:
/// this program's version, the store schema it speaks and the SQLite it runs on.
public struct VersionReport: Encodable, Sendable, Equatable {
    /// This program's release.
    public static let current = "0.9.0"

    /// The program's version (`version` in JSON).
    public var version: String
    /// The store schema version on the wire (`schema_version`).
    public var schemaVersion: Int
    /// The store migrations this build applies (`migrations`).
    public var migrations: [String]
    /// The migrations a given store has applied, when one was opened (`store_migrations`).
    public var storeMigrations: [String]?
    /// The SQLite library's version (`sqlite_version`).
    public var sqliteVersion: String

    /// The report for this build, and for `storeMigrations` when a store was opened.
    public init(storeMigrations: [String]? = nil, sqliteVersion: String = LocalStore.sqliteVersion) {
        version = Self.current
        schemaVersion = StoreMigrations.schemaVersion
        migrations = StoreMigrations.identifiers
        self.storeMigrations = storeMigrations
        self.sqliteVersion = sqliteVersion
    }

    /// `clinicsync 0.9.0 (store schema 1, migrations v1-v2; SQLite 3.40.1)`.
    public var line: String {
        "clinicsync \(version) (store schema \(schemaVersion), migrations \(Self.span(migrations)); SQLite \(sqliteVersion))"
    }

    /// The `version` line of `status`: the program, and the store's schema as it stands.
    public var statusLine: String {
        let store = storeMigrations.map { $0 == migrations ? "current" : "migrations \(Self.span($0))" } ?? "not opened"
        return "clinicsync \(version), store schema \(schemaVersion) (\(store)), SQLite \(sqliteVersion)"
    }

    private static func span(_ identifiers: [String]) -> String {
        guard let first = identifiers.first, let last = identifiers.last else { return "none" }
        return first == last ? first : "\(first)-\(last)"
    }
}
