import ClaimExport
import GRDB

extension LocalStore {
    /// The export settings as saved (unset fields are `nil`; see ``ExportSettings`` for the
    /// defaults `export x12` then uses).
    public func exportSettings() throws -> ExportSettings {
        try read(Self.loadExportSettings)
    }

    /// Saves the given fields of `changes` (a `nil` field keeps its value; an empty string
    /// clears it back to its default) and returns the settings after the change.
    ///
    /// Every value is checked first; one bad value saves nothing.
    public func updateExportSettings(_ changes: ExportSettings) throws -> ExportSettings {
        let changes = try ExportSettings.storedUpdates(changes)
        return try write { db in
            for update in changes {
                if let value = update.value {
                    try db.execute(sql: """
                        INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
                        """, arguments: [update.key, value])
                } else {
                    try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [update.key])
                }
            }
            return try Self.loadExportSettings(db)
        }
    }

    /// The control numbers of the last exported file (all 0 before the first export).
    public func lastControlNumbers() throws -> ControlNumbers {
        try read(ControlNumbers.last)
    }

    static func loadExportSettings(_ db: Database) throws -> ExportSettings {
        ExportSettings(stored: Dictionary(
            try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'export.%'")
                .map { ($0["key"] as String, $0["value"] as String) },
            uniquingKeysWith: { first, _ in first }))
    }
}
