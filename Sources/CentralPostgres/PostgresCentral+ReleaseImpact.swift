import BillingModel
import ClinicStore
import Foundation
import PostgresNIO
import SyncModel

extension PostgresCentral {
    /// `codes impact` at the PostgreSQL central node: every clinic's open claims that the
    /// published release `key` (name or id; `system` when two systems share the name) touches,
    /// by the same rules as the SQLite store (``ClinicStore/ReleaseImpactReport/build(release:previous:deleted:claims:)``).
    /// The deleted codes come from the published release files.
    public func releaseImpact(_ key: String, system: CodeSystem? = nil) async throws -> ReleaseImpactReport {
        let logger = self.logger
        return try await gateway.transaction(readOnly: true) { connection in
            var condition = "(name = $1 OR id = $1)"
            var arguments: [FieldValue] = [.text(key)]
            if let system {
                condition += " AND system = $2"
                arguments.append(.text(system.rawValue))
            }
            let found = try await connection.rows("SELECT release_json FROM code_release WHERE \(condition)",
                                                  arguments, logger: logger)
                .map { try Self.decode(CodeRelease.self, try $0.decode(String.self)) }
            guard let release = found.first else {
                throw StoreError.notFound(entity: "\(system.map { "\($0.cliName) " } ?? "")release", id: key)
            }
            guard found.count == 1 else {
                throw StoreError.invalid(entity: "release", field: "system",
                                         reason: "\(key) names a release of several systems (\(found.map(\.system.cliName).sorted().joined(separator: ", "))): give --system")
            }
            let previous = try await connection.rows("""
                SELECT release_json FROM code_release WHERE system = $1 AND effective_from < $2
                ORDER BY effective_from DESC LIMIT 1
                """, [.text(release.system.rawValue), .text(release.effectiveFrom)], logger: logger).first
                .map { try Self.decode(CodeRelease.self, try $0.decode(String.self)) }
            var deleted: Set<String> = []
            if let previous, release.system.hasCodeList {
                deleted = try await Self.codes(of: previous.id, on: connection, logger: logger)
                    .subtracting(try await Self.codes(of: release.id, on: connection, logger: logger))
            }
            let claims = try await Self.openClaims(on: connection, logger: logger)
            return try ReleaseImpactReport.build(release: release, previous: previous, deleted: deleted, claims: claims)
        }
    }

    /// The codes a published release file lists.
    private static func codes(of id: String, on connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        guard let row = try await connection.rows("SELECT file_json FROM code_release WHERE id = $1", [.text(id)],
                                                  logger: logger).first else { return [] }
        return Set((try decode(ReleaseFile.self, try row.decode(String.self)).codes ?? []).compactMap(\.first))
    }

    /// Every live claim whose stage is an open one, with its live lines.
    private static func openClaims(on connection: PostgresConnection, logger: Logger) async throws -> [Claim] {
        let stages = ReleaseImpactReport.openStages.map { String($0.rawValue) }.joined(separator: ", ")
        return try await fetchClaims(where: "deleted = 0 AND (lifecycle % 16) IN (\(stages))", [], on: connection, logger: logger)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }
}
