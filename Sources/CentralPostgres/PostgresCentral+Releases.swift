import ClinicStore
import Foundation
import SyncModel

extension PostgresCentral {
    /// The code releases published to clinics, by system and first effective date.
    public func publishedReleases() async throws -> [CodeRelease] {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            try await connection.rows("SELECT release_json FROM code_release ORDER BY system, effective_from",
                                      logger: logger).map { row in
                try JSONDecoder().decode(CodeRelease.self, from: Data(try row.decode(String.self).utf8))
            }
        }
    }

    /// One published release as a bulk file.
    public func releaseFile(id: String) async throws -> ReleaseFile {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            guard let row = try await connection.rows("SELECT file_json FROM code_release WHERE id = $1", [.text(id)],
                                                      logger: logger).first else {
                throw StoreError.notFound(entity: "release", id: id)
            }
            return try JSONDecoder().decode(ReleaseFile.self, from: Data(try row.decode(String.self).utf8))
        }
    }

    /// Publishes a release to clinics, unless one with its id, or its system and name, is
    /// published already. Returns whether it was added.
    @discardableResult
    public func publish(_ release: CodeRelease, file: ReleaseFile) async throws -> Bool {
        let releaseJSON = String(decoding: try JSONEncoder().encode(release), as: UTF8.self)
        let fileJSON = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
        let now = clock.nowMillis(), logger = self.logger
        return try await gateway.transaction { connection in
            let inserted = try await connection.rows("""
                INSERT INTO code_release (id, system, name, effective_from, release_json, file_json, published_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id
                """, [.text(release.id), .text(release.system.rawValue), .text(release.name), .text(release.effectiveFrom),
                      .text(releaseJSON), .text(fileJSON), .integer(now)], logger: logger)
            return !inserted.isEmpty
        }
    }

    /// Publishes every release a central SQLite store publishes (e.g. one where the office ran
    /// `clinicsync codes import`); returns how many were new here.
    public func publishReleases(from store: LocalStore) async throws -> Int {
        var added = 0
        for release in try store.publishedReleases() {
            if try await publish(release, file: try store.releaseFile(id: release.id)) { added += 1 }
        }
        return added
    }
}
