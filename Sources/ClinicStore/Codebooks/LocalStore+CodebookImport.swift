import BillingModel
import Crypto
import Foundation
import GRDB
import SyncWire

extension LocalStore {
    /// Imports a release file from disk (plain or gzip-compressed).
    ///
    /// The whole file is checked before anything is written; a bad row refuses the import
    /// with its line number and leaves the store unchanged.
    public func importRelease(_ spec: ReleaseImport, file path: String,
                              progress: ImportProgress? = nil) throws -> CodeRelease {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.importFailed(file: spec.sourceName, line: nil, reason: "cannot read \(path)")
        }
        return try importRelease(spec, bytes: [UInt8](data), progress: progress)
    }

    /// Imports a release from the file's bytes (plain or gzip-compressed).
    public func importRelease(_ spec: ReleaseImport, bytes raw: [UInt8],
                              progress: ImportProgress? = nil) throws -> CodeRelease {
        let bytes: [UInt8]
        do {
            bytes = Gzip.isCompressed(raw) ? try Gzip.decompress(raw) : raw
        } catch {
            throw StoreError.importFailed(file: spec.sourceName, line: nil, reason: "\(error)")
        }
        let content: ReleaseContent
        do {
            content = try ReleaseContent.parse(bytes, system: spec.system)
        } catch let error as CodebookParseError {
            throw StoreError.importFailed(file: spec.sourceName, line: error.line, reason: error.reason)
        }
        if let end = spec.effectiveTo, end < spec.effectiveFrom {
            throw StoreError.invalid(entity: "release", field: "effective_to", reason: "is before effective_from")
        }
        let unscheduled = CodeRelease(
            id: newID(), system: spec.system, name: try FieldCheck.identifier(spec.name, entity: "release", field: "name"),
            effectiveFrom: spec.effectiveFrom.description, effectiveTo: spec.effectiveTo?.description,
            sha256: SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined(),
            sourceFile: spec.sourceName,
            origin: spec.origin ?? (identity.role == .central ? .central : .local),
            entryCount: content.count, importedAt: clock.nowMillis())
        return try write { db in
            var release = unscheduled
            if try CodeRelease.filter(CodeRelease.Columns.system == release.system.rawValue)
                .filter(CodeRelease.Columns.name == release.name).fetchCount(db) > 0 {
                throw StoreError.invalid(entity: "release", field: "name",
                                         reason: "\(release.system.cliName) release \(release.name) already exists")
            }
            try Self.schedule(&release, ordering: spec.ordering, db)
            try release.insert(db)
            try Self.writeContent(db, content, release: release, progress: progress)
            return release
        }
    }

    /// The memory FTS5 may hold new search terms in before writing them out (its `hashsize`).
    static let searchIndexHashBytes = 16 << 20

    static func writeContent(_ db: Database, _ content: ReleaseContent, release: CodeRelease,
                                     progress: ImportProgress?) throws {
        let total = content.count
        let step = max(1, total / 50)
        switch content {
        case .codes(let entries):
            let insert = try db.makeStatement(sql: """
                INSERT INTO code (release_id, system, code, short_description, description, billable, is_em, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let isProcedure = release.system.isProcedureSystem
            let releaseID = release.id.databaseValue, system = release.system.rawValue.databaseValue
            // The likeliest codes get the newest rows: a broad query ranks the newest rows of its matches.
            let order = entries.indices.map { (index: $0, standing: SearchRankRules.standing(
                code: entries[$0].code, description: entries[$0].description, billable: entries[$0].billable)) }
                .sorted { $0.standing != $1.standing ? $0.standing > $1.standing : $0.index > $1.index }
            for (written, item) in order.enumerated() {
                let entry = entries[item.index]
                // Bound through the C API: GRDB's arguments cost more than the insert for ~100k rows.
                try StatementBinding.execute(insert, [
                    releaseID, system, entry.code.databaseValue, entry.shortDescription.databaseValue,
                    entry.description.databaseValue, entry.billable.databaseValue,
                    (isProcedure && ProcedureCode.isEvaluationAndManagement(entry.code)).databaseValue,
                    item.index.databaseValue,
                ], in: db)
                if written % step == 0 { progress?(written, total) }
            }
            // FTS5 keeps new terms in memory and writes a segment each time they pass its hash
            // size, then merges segments; with ten indexes per term (the word and its 1–9 letter
            // prefixes) the 1 MiB default flushed and merged every few thousand codes, most of an
            // ICD-10-CM import. At 16 MiB the same index is built in about two thirds of the time.
            // A setting of the index, kept in its config table (and rolled back with the import).
            try db.execute(sql: "INSERT INTO code_search (code_search, rank) VALUES ('hashsize', ?)",
                           arguments: [Self.searchIndexHashBytes])
            try db.execute(sql: """
                INSERT INTO code_search (rowid, code, description)
                SELECT rowid, code, description FROM code WHERE release_id = ?
                """, arguments: [release.id])
        case .ncci(let edits):
            let insert = try db.makeStatement(sql: """
                INSERT INTO ncci_edit (release_id, column1, column2, effective, deletion, modifier_indicator, rationale)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for (index, edit) in edits.enumerated() {
                try insert.execute(arguments: [release.id, edit.column1, edit.column2, edit.effective.description,
                                               edit.deletion?.description, edit.modifierIndicator.rawValue, edit.rationale])
                if index % step == 0 { progress?(index, total) }
            }
        case .mue(let limits):
            let insert = try db.makeStatement(sql: """
                INSERT INTO mue_limit (release_id, code, max_units, indicator, rationale) VALUES (?, ?, ?, ?, ?)
                """)
            for (index, limit) in limits.enumerated() {
                try insert.execute(arguments: [release.id, limit.code, limit.maxUnits, limit.indicator.rawValue, limit.rationale])
                if index % step == 0 { progress?(index, total) }
            }
        }
        progress?(total, total)
    }

    /// Every release in the store, by system then effective date.
    public func releases() throws -> [CodeRelease] {
        try read { db in
            try CodeRelease.order(CodeRelease.Columns.system, CodeRelease.Columns.effectiveFrom.desc).fetchAll(db)
        }
    }
}
