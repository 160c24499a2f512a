import BillingModel
import GRDB

extension LocalStore {
    /// Central node: the releases it publishes to clinics (those of central origin).
    public func publishedReleases() throws -> [CodeRelease] {
        try read { db in
            try CodeRelease.filter(Column("origin") == CodeRelease.Origin.central.rawValue)
                .order(CodeRelease.Columns.system, CodeRelease.Columns.effectiveFrom).fetchAll(db)
        }
    }

    /// Central node: one published release as a bulk file.
    public func releaseFile(id: String) throws -> ReleaseFile {
        try read { db in
            guard let release = try CodeRelease.filter(key: id)
                .filter(Column("origin") == CodeRelease.Origin.central.rawValue).fetchOne(db) else {
                throw StoreError.notFound(entity: "release", id: id)
            }
            var file = ReleaseFile(id: release.id, system: release.system, name: release.name,
                                   effectiveFrom: release.effectiveFrom, effectiveTo: release.effectiveTo,
                                   sha256: release.sha256, sourceFile: release.sourceFile)
            switch release.system {
            case .ncciPTP:
                file.ncciEdits = try Row.fetchAll(db, sql: """
                    SELECT column1, column2, effective, deletion, modifier_indicator, rationale FROM ncci_edit WHERE release_id = ?
                    """, arguments: [id]).compactMap { row in
                    guard let effective = CalendarDate(row["effective"] as String),
                          let indicator = NCCIEdit.ModifierIndicator(rawValue: row["modifier_indicator"]) else { return nil }
                    return NCCIEdit(column1: row["column1"], column2: row["column2"], effective: effective,
                                    deletion: (row["deletion"] as String?).flatMap(CalendarDate.init),
                                    modifierIndicator: indicator, rationale: row["rationale"])
                }
            case .mue:
                file.mueLimits = try Row.fetchAll(db, sql: """
                    SELECT code, max_units, indicator, rationale FROM mue_limit WHERE release_id = ?
                    """, arguments: [id]).compactMap { row in
                    guard let indicator = MUELimit.Indicator(rawValue: row["indicator"]) else { return nil }
                    return MUELimit(code: row["code"], maxUnits: row["max_units"], indicator: indicator, rationale: row["rationale"])
                }
            default:
                file.codes = try Row.fetchAll(db, sql: """
                    SELECT code, short_description, description, billable FROM code WHERE release_id = ? ORDER BY position, rowid
                    """, arguments: [id]).map { [$0["code"], $0["short_description"], $0["description"], ($0["billable"] as Bool) ? "1" : "0"] }
            }
            return file
        }
    }

    /// Clinic: stores a release published by the central node, unless it is here already.
    /// Returns whether it was imported.
    @discardableResult
    public func importReleaseFile(_ file: ReleaseFile) throws -> Bool {
        guard let content = file.content, let from = CalendarDate(file.effectiveFrom) else {
            throw StoreError.importFailed(file: file.name, line: nil, reason: "the release file from the central node is malformed")
        }
        let unscheduled = CodeRelease(id: file.id, system: file.system, name: file.name, effectiveFrom: from.description,
                                  effectiveTo: file.effectiveTo, sha256: file.sha256, sourceFile: file.sourceFile,
                                  origin: .central, entryCount: content.count, importedAt: clock.nowMillis())
        return try write { db in
            var release = unscheduled
            if try CodeRelease.filter(key: file.id).fetchCount(db) > 0 { return false }
            if try CodeRelease.filter(CodeRelease.Columns.system == file.system.rawValue)
                .filter(CodeRelease.Columns.name == file.name).fetchCount(db) > 0 { return false }
            try Self.schedule(&release, ordering: .fitted, db)
            try release.insert(db)
            try Self.writeContent(db, content, release: release, progress: nil)
            return true
        }
    }
}
